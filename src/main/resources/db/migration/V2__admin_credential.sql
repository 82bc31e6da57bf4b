-- The generated administrator password, hashed (only when no hash is configured).
create table admin_credential (
    username       varchar(100) primary key,
    password_hash  varchar(200) not null,
    created_at     timestamp with time zone not null
);

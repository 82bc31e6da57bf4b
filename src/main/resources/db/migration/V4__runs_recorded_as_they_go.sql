-- A run is recorded when it starts and its lines as they are written, so every px-wizard instance on this database can
-- show it; finished_at stays empty while it runs.
alter table apply_record add column run_id varchar(36);
alter table apply_record add column spec_url varchar(8200);
alter table apply_record add column namespace varchar(63);
alter table apply_record add column local_render boolean default false not null;
alter table apply_record add column instance varchar(200);
alter table apply_record add column cluster_kind varchar(20);
alter table apply_record alter column finished_at drop not null;
create unique index apply_record_run on apply_record (run_id);

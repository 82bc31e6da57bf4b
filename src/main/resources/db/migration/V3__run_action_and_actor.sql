-- What a recorded run did (an apply, an upgrade from a release, an uninstall) and who started it.
alter table apply_record add column action varchar(30) default 'APPLY' not null;
alter table apply_record add column upgraded_from varchar(40);
alter table apply_record add column upgraded_to varchar(40);
alter table apply_record add column actor varchar(200) default '' not null;

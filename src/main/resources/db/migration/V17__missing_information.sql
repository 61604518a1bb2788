-- What the registrar asked the customer for (issue 11): the request is sent from the register, so
-- the engine keeps no copy of the text (neither as a process variable nor in its history).
alter table complaint add column missing_information varchar(4000);

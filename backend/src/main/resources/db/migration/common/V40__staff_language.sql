-- The language a staff member reads their pushes in. Staff chose Dutch until now, so existing rows keep it;
-- PUT /v1/staff/me changes it. Checked in code against the languages Gehoord speaks (text/Language), so
-- adding a language needs no migration.
ALTER TABLE staff ADD COLUMN language TEXT NOT NULL DEFAULT 'nl';

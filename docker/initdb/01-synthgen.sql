-- Installs the synthgen extension into the database created on first start.
CREATE EXTENSION IF NOT EXISTS synthgen;

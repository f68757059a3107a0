-- pg: 16
-- expect: unsafe
-- hazards: fails-on-existing-data, blocking-lock
-- @schema
CREATE TABLE teams (id bigint PRIMARY KEY);
CREATE TABLE members (id bigint PRIMARY KEY, team_id bigint);
INSERT INTO teams (id) VALUES (1);
INSERT INTO members (id, team_id) VALUES (10, 1), (11, 2);
-- @migration
ALTER TABLE members ADD CONSTRAINT members_team_fk FOREIGN KEY (team_id) REFERENCES teams (id) NOT VALID;
-- expect: violates-existing-rows
ALTER TABLE members ADD CONSTRAINT members_team_fk2 FOREIGN KEY (team_id) REFERENCES teams (id);

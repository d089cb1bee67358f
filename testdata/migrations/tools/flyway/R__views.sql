CREATE OR REPLACE VIEW member_directory AS
SELECT m.id, m.nom, m.prenom, count(f.id) AS fees
FROM members m
LEFT JOIN membership_fees f ON f.member_id = m.id
GROUP BY m.id, m.nom, m.prenom;

CREATE MATERIALIZED VIEW IF NOT EXISTS fees_by_year AS
SELECT date_part('year', paid_on) AS year, sum(amount) AS total
FROM membership_fees GROUP BY 1
WITH DATA;

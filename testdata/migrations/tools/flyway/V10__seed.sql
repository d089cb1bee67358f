INSERT INTO members (nom, prenom, email, kind) VALUES
    ('Martin', 'Alice', 'alice@example.org', 'full'),
    ('Durand', 'Paul; Jr', 'paul@example.org', 'student');

UPDATE members SET accepte_newsletter = false WHERE email LIKE '%@example.org';

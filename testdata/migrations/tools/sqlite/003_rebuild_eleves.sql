-- SQLite cannot drop a NOT NULL, so the table is rebuilt (as Django, Prisma and Drizzle do)
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE "new_eleves" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "famille_id" INTEGER REFERENCES "familles" ("id") ON DELETE CASCADE,
    "nom" TEXT NOT NULL,
    "prenom" TEXT,
    "classe" TEXT,
    "regime_alimentaire" TEXT,
    "mdp" TEXT,
    "updated_at" TEXT
);
INSERT INTO "new_eleves" ("id", "famille_id", "nom", "prenom", "classe", "regime_alimentaire", "updated_at") SELECT "id", "famille_id", "nom", "prenom", "classe", "regime_alimentaire", "updated_at" FROM "eleves";
DROP TABLE "eleves";
ALTER TABLE "new_eleves" RENAME TO "eleves";
CREATE INDEX "idx_eleves_famille" ON "eleves" ("famille_id");
COMMIT;
PRAGMA foreign_keys=ON;

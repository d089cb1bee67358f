#!/usr/bin/env python3
"""Emit SQL that generates a table of N CRM notes (40-300 characters, about 5 % forbidden), and a
naive regex query per lexicon category.

Two mixes:
- `crm` (default): notes written the way a school's or an association's staff write them
  (calls, appointments, payments, documents, alumni news), from templates filled with names,
  dates, programmes and towns, some of which collide with the lexicon ("Saint-Denis", "M. Lenoir");
  one note in ten also carries a hard negative of the labelled corpus ("fou rire", "rue de
  l'Eglise", "pas de problème de santé signalé"), and one in twenty a forbidden line of the corpus.
- `adversarial`: every clean sentence is a hard negative of the labelled corpus (written to
  contain lexicon words in harmless places), and one note in twenty a forbidden line.

usage: bench-free-text.py generate N [crm|adversarial] > notes.sql
       bench-free-text.py naive [postgres|mysql] > naive.sql
"""
import sys, tomllib, pathlib, re, random

root = pathlib.Path(__file__).resolve().parent.parent

def corpus():
    ok, bad = [], []
    for f in ["tune-fr.tsv", "tune-en.tsv"]:
        for line in (root / "testdata/comments" / f).read_text().splitlines():
            if "\t" not in line:
                continue
            label, text = line.split("\t", 1)
            (ok if label == "ok" else bad).append(text)
    return ok, bad

def lit(s):
    return "'" + s.replace("'", "''") + "'"

def generate(n, mix="crm"):
    if mix == "crm":
        return generate_crm(n)
    ok, bad = corpus()
    print("SELECT setseed(0.7);")
    print("DROP TABLE IF EXISTS notes;")
    print("CREATE TABLE notes (id integer PRIMARY KEY, commentaire text);")
    print(f"CREATE TEMP TABLE ok_lines AS SELECT * FROM unnest(ARRAY[{','.join(lit(s) for s in ok)}]) WITH ORDINALITY AS t(s, i);")
    print(f"CREATE TEMP TABLE bad_lines AS SELECT * FROM unnest(ARRAY[{','.join(lit(s) for s in bad)}]) WITH ORDINALITY AS t(s, i);")
    print("ALTER TABLE ok_lines ADD PRIMARY KEY (i); ALTER TABLE bad_lines ADD PRIMARY KEY (i);")
    print("ANALYZE ok_lines; ANALYZE bad_lines;")
    # One or two clean sentences, and a forbidden one in about 5 % of the notes.
    print(f"""
INSERT INTO notes
SELECT g, left(
  (SELECT s FROM ok_lines WHERE i = 1 + (g::bigint * 7919) % {len(ok)})
  || CASE WHEN g % 3 = 0 THEN ' ' || (SELECT s FROM ok_lines WHERE i = 1 + (g::bigint * 104729) % {len(ok)}) ELSE '' END
  || CASE WHEN g % 20 = 7 THEN ' ' || (SELECT s FROM bad_lines WHERE i = 1 + (g::bigint * 1299709) % {len(bad)}) ELSE '' END,
  300)
FROM generate_series(1, {n}) g;
ANALYZE notes;""")

def mysql_lit(s):
    # MySQL string literals read backslash escapes: the regex's backslashes are doubled.
    return "'" + s.replace("\\", "\\\\").replace("'", "''") + "'"

def naive(dialect="postgres"):
    if dialect == "mysql":
        # The column's collation is case-insensitive; (?-i) makes PCRE/ICU match case.
        ci = lambda p: f"commentaire REGEXP {mysql_lit(p)}"
        cs = lambda p: f"commentaire REGEXP {mysql_lit('(?-i)' + p)}"
    else:
        ci = lambda p: f"commentaire ~* {lit(p)}"
        cs = lambda p: f"commentaire ~ {lit(p)}"
    cats = {}
    for f in ["fr.toml", "en.toml"]:
        data = tomllib.loads((root / "rules/lexicons" / f).read_text())
        for group in data.get("group", []):
            cat = group["category"]
            for t in group.get("terms", []):
                term = t if isinstance(t, str) else t["term"]
                forms = [term] + ([] if isinstance(t, str) else t.get("forms", []))
                for form in forms:
                    cats.setdefault(cat, set()).add(re.escape(form.rstrip("*")))
    for cat, forms in sorted(cats.items()):
        pattern = "|".join(sorted(forms))
        print(f"SELECT '{cat}', count(*) FROM notes WHERE {ci(pattern)};")
    # identifiers by pattern alone, as a naive audit does
    for cat, pattern in [("nir", r"[12][0-9]{2}[0-1][0-9][0-9AB]{2}[0-9]{6}[0-9]{2}"), ("iban", r"[A-Z]{2}[0-9]{2}[A-Z0-9 ]{11,30}"),
                         ("card", r"[0-9]{4}[ -]?[0-9]{4}[ -]?[0-9]{4}[ -]?[0-9]{4}"), ("phone", r"0[1-9]([ .-]?[0-9]{2}){4}"),
                         ("email", r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]:
        print(f"SELECT '{cat}', count(*) FROM notes WHERE {cs(pattern)};")

FIRST = ["Léa", "Hugo", "Chloé", "Lucas", "Manon", "Nathan", "Emma", "Louis", "Inès", "Yanis",
         "Camille", "Sarah", "Thomas", "Jade", "Adam", "Zoé", "Mohamed", "Clara", "Enzo", "Lina",
         "Christian", "Pierre", "Marie", "Jean", "Anne", "Emily", "James", "Olivia", "Noah"]
LAST = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy",
        "Moreau", "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "Lenoir", "Legrand", "Lemalade",
        "Fontaine", "Chevalier", "Nguyen", "Benali", "Da Silva", "Smith", "Brown", "Prêtre"]
TOWNS = ["Lyon", "Paris", "Nantes", "Lille", "Rennes", "Saint-Denis", "Saint-Étienne", "Bordeaux",
         "Toulouse", "Montpellier", "Grenoble", "Villeurbanne", "Saint-Priest", "Vénissieux", "Metz",
         "Annecy", "Dijon", "Brest", "Tours", "Angers"]
PROGS = ["BTS SIO", "BTS MCO", "BTS NDRC", "bachelor marketing", "licence pro RH", "master finance",
         "prépa ECG", "BUT GEA", "MBA", "classe de seconde", "terminale STMG", "CAP petite enfance",
         "MSc data", "bachelor in business"]
WHO = ["la mère", "le père", "l'étudiante", "l'étudiant", "le candidat", "la candidate",
       "les parents", "le tuteur", "l'ancien élève", "l'entreprise d'accueil"]
DOCS = ["le relevé de notes", "l'attestation d'assurance", "la copie de la carte vitale",
        "le certificat de scolarité", "la convention de stage signée", "le justificatif de domicile",
        "les bulletins de première", "la photo d'identité", "le RIB", "l'attestation de bourse"]
FR = [
    "Appel le {d} : {w} souhaite des informations sur le {p}, rappeler après 18h.",
    "Dossier d'inscription reçu le {d}, manque {doc}.",
    "RDV fixé le {d} à {h}h avec {f} {l} pour un entretien de motivation.",
    "Paiement du {n}e trimestre reçu par virement, reste {m} € à régler.",
    "Mail de relance envoyé le {d}, pas de réponse pour l'instant.",
    "Vient de {t}, intéressé(e) par le {p} en alternance.",
    "Présent(e) à la journée portes ouvertes du {d}, a visité les ateliers.",
    "Ancien élève promo {y}, travaille maintenant à {t}, d'accord pour témoigner au forum.",
    "Stage de {n} semaines chez {l} Conseil à {t}, tuteur : M. {l}.",
    "Demande de changement de groupe pour le {p}, à voir avec la coordinatrice.",
    "{f} {l} a rendu {doc} le {d}.",
    "Cotisation {y} réglée par chèque n°{c}.",
    "Souhaite recevoir la newsletter des anciens et l'annuaire {y}.",
    "Rappeler {w} la semaine prochaine au sujet du logement étudiant à {t}.",
    "Convocation à l'oral envoyée le {d}, salle {n}{n}.",
    "A annulé le RDV du {d}, nouveau créneau proposé le {d2}.",
    "Candidature Parcoursup confirmée pour le {p}, voeu n°{n}.",
    "Échange avec {w} : questions sur les frais de scolarité et l'échéancier.",
    "Inscrit(e) au salon de l'étudiant de {t} le {d}.",
    "Adresse modifiée : {c} rue {l}, {t}.",
]
EN = [
    "Called back on {d}: interested in the {p}, will send the transcript.",
    "Application received, missing the proof of address.",
    "Meeting with {f} {l} on {d} at {h}pm about the internship.",
    "Alumni class of {y}, now based in {t}, happy to mentor a student.",
    "Tuition instalment {n} paid by bank transfer on {d}.",
    "Follow-up email sent, no answer yet.",
    "Attended the open day on {d}, asked about housing in {t}.",
]

def note_crm(r):
    def fill(tpl):
        return tpl.format(
            d=f"{r.randint(1, 28):02d}/{r.randint(1, 12):02d}", d2=f"{r.randint(1, 28):02d}/{r.randint(1, 12):02d}",
            h=r.randint(8, 18), f=r.choice(FIRST), l=r.choice(LAST), t=r.choice(TOWNS), p=r.choice(PROGS),
            w=r.choice(WHO), doc=r.choice(DOCS), n=r.randint(1, 9), m=r.randint(2, 30) * 50,
            y=r.randint(1998, 2026), c=r.randint(10, 9999))
    pool = EN if r.random() < 0.15 else FR
    return " ".join(fill(r.choice(pool)) for _ in range(r.choice([1, 1, 2, 2, 3])))

def generate_crm(n):
    ok, bad = corpus()
    r = random.Random(7)
    print("DROP TABLE IF EXISTS notes;")
    print("CREATE TABLE notes (id integer PRIMARY KEY, commentaire text);")
    print("COPY notes (id, commentaire) FROM STDIN;")
    esc = lambda s: s.replace("\\", "\\\\").replace("\t", " ").replace("\n", " ")
    for g in range(1, n + 1):
        text = note_crm(r)
        if g % 10 == 3:
            text += " " + r.choice(ok)
        if g % 20 == 7:
            text += " " + r.choice(bad)
        while len(text) < 40:
            text += " " + note_crm(r)
        print(f"{g}\t{esc(text[:300])}")
    print("\\.")
    print("ANALYZE notes;")

if __name__ == "__main__":
    if sys.argv[1] == "generate":
        generate(int(sys.argv[2]), sys.argv[3] if len(sys.argv) > 3 else "crm")
    else:
        naive(sys.argv[2] if len(sys.argv) > 2 else "postgres")

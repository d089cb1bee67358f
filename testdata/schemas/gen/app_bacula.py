import sys, os, random, base64
sys.path.insert(0, os.path.dirname(__file__))
from common import *

P = lambda kind, g=None: ("personal", kind, g)
T = lambda kind, g=None: ("technical", kind, g)
DOCS = ["CV_{last}.pdf", "Bulletin_salaire_2025-{m:02d}.pdf", "photo_{first}_vacances.jpg", "Impots_{last}_2025.pdf", "Lettre_motivation.docx", "notes.txt", "arret_maladie.pdf"]


def fname(p, i, c):
    return random.choice(DOCS).format(last=slug(p.last), first=slug(p.first), m=random.randint(1, 12))


def path(p, i, c):
    return random.choice(["/home/%s/Documents/" % p.login, "/home/%s/Images/" % p.login, "/home/%s/" % p.login, "/srv/partage/RH/%s/" % slug(p.last)])


JOBS = ["BackupCatalog", "Sauvegarde-Serveur-Fichiers", "Sauvegarde-PC-Compta", "RestoreFiles"]
SPEC = {
    "app": "bacula",
    "fks": {("job", "clientid"): ("client", "clientid"), ("file", "jobid"): ("job", "jobid"), ("file", "pathid"): ("path", "pathid"), ("file", "filenameid"): ("filename", "filenameid"),
            ("job", "poolid"): ("pool", "poolid"), ("job", "filesetid"): ("fileset", "filesetid"), ("media", "poolid"): ("pool", "poolid"), ("jobmedia", "jobid"): ("job", "jobid"),
            ("jobmedia", "mediaid"): ("media", "mediaid"), ("log", "jobid"): ("job", "jobid")},
    "rows": {"status": 0, "version": 0, "filename": 40, "path": 30, "file": 60, "job": 12, "jobhisto": 5, "log": 20, "client": 6, "media": 6, "pool": 3, "fileset": 3, "jobmedia": 10},
    "cols": {
        "filename.name": P("file-name-of-user-files", fname), "path.path": P("file-path-with-user-home", path),
        "file.lstat": T("encoded-stat", lambda p, i, c: "P0A %s IGk B Po Po A %s BAA I %s %s %s A A L" % (urlsafe(3), urlsafe(3), urlsafe(5), urlsafe(5), urlsafe(5))),
        "file.md5": T("hash-b64", lambda p, i, c: b64(16).rstrip("=")),
        "job.job": T("job-unique-name", lambda p, i, c: "%s.2026-%02d-%02d_23.05.00_%02d" % (random.choice(JOBS), random.randint(1, 11), random.randint(1, 28), i)),
        "job.name": T("job-name", lambda p, i, c: random.choice(JOBS)), "job.type": T("enum", const("B")), "job.level": T("enum", choice("F", "I", "D")), "job.jobstatus": T("enum", choice("T", "E", "f")),
        "jobhisto.job": T("job-unique-name", lambda p, i, c: "%s.2025-%02d-01_23.05.00_%02d" % (random.choice(JOBS), random.randint(1, 12), i)), "jobhisto.name": T("job-name", lambda p, i, c: random.choice(JOBS)),
        "jobhisto.type": T("enum", const("B")), "jobhisto.level": T("enum", const("F")), "jobhisto.jobstatus": T("enum", const("T")),
        "client.name": T("host-name", lambda p, i, c: ["srv-fichiers-fd", "pc-compta-01-fd", "srv-mail-fd", "srv-web-fd", "pc-accueil-fd", "nas-fd"][i]),
        "client.uname": T("os-version", const("9.6.7 (10Dec22) x86_64-pc-linux-gnu,debian,12")),
        "log.logtext": T("job-log-text", lambda p, i, c: "srv-dir JobId %d: Start Backup JobId %d, Job=%s\n" % (i + 1, i + 1, random.choice(JOBS))),
        "media.volumename": T("volume-name", lambda p, i, c: "Vol-%04d" % (i + 1)), "media.mediatype": T("enum", const("File")), "media.volstatus": T("enum", choice("Append", "Full", "Used")),
        "pool.name": T("pool-name", lambda p, i, c: ["Default", "File", "Scratch"][i]), "pool.labelformat": T("setting", const("Vol-")),
        "fileset.fileset": T("fileset-name", lambda p, i, c: ["Full Set", "Catalog", "Home"][i]), "fileset.md5": T("hash-b64", lambda p, i, c: b64(16).rstrip("=")),
        "locationlog.comment": T("free-text-operator", const("Bande envoyée au coffre")), "snapshot.comment": T("free-text-operator", const("")),
        "status.jobstatus": T("enum"), "status.jobstatuslong": T("description"),
    },
}
if __name__ == "__main__":
    build(SPEC)

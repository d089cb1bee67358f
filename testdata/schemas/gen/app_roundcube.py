import sys, os, random, base64, json
sys.path.insert(0, os.path.dirname(__file__))
from common import *


def prefs(p, i, c):
    return php_serialize({"timezone": "Europe/Paris" if p.fr else "Europe/London", "date_format": "d/m/Y",
                          "compose_extwin": False, "htmleditor": random.choice([0, 1]), "skin": "elastic",
                          "client_hash": hexs(32), "draft_autosave": 300})


def sess_vars(p, i, c):
    raw = 'language|s:5:"fr_FR";imap_namespace|a:0:{}auth_secure|b:1;user_id|i:%d;username|s:%d:"%s";storage_host|s:9:"localhost";storage_port|i:143;storage_ssl|b:0;password|s:24:"%s";login_time|i:%d;' % (
        i + 1, len(p.email), p.email, b64(18), int(ts().timestamp()))
    return base64.b64encode(raw.encode()).decode()


def vcard(p, i, c):
    return "BEGIN:VCARD\nVERSION:3.0\nN:%s;%s;;;\nFN:%s\nEMAIL;TYPE=INTERNET;TYPE=HOME:%s\nTEL;TYPE=CELL:%s\nADR;TYPE=home:;;%s;%s;;%s;%s\nBDAY:%s\nEND:VCARD" % (
        p.last, p.first, p.full, p.email, p.mobile, p.street, p.city, p.postcode, p.country, p.birth.isoformat())


def msg_cache(p, i, c):
    o = c["people"][(i + 7) % len(c["people"])]
    return base64.b64encode(json.dumps({"uid": i + 100, "subject": FR.sentence(nb_words=5), "from": '"%s" <%s>' % (o.full, o.email),
                                        "to": p.email, "date": ts().strftime("%a, %d %b %Y %H:%M:%S +0100"), "size": random.randint(2000, 90000)}).encode()).decode()


SPEC = {
    "app": "roundcube",
    "rows": {"session": 25, "users": 30, "cache": 5, "cache_shared": 3, "cache_index": 10, "cache_thread": 6, "cache_messages": 40,
             "collected_addresses": 50, "contacts": 60, "contactgroups": 8, "contactgroupmembers": 20, "identities": 35,
             "responses": 12, "dictionary": 6, "searches": 6, "filestore": 4, "system": 0},
    "cols": {
        "session.sess_id": ("credential", "session-id", lambda p, i, c: urlsafe(24)[:32]),
        "session.changed": ("technical", "timestamp", "ts_recent"),
        "session.ip": ("personal", "ip", "ip46"),
        "session.vars": ("credential", "session-data-with-encrypted-password", sess_vars),
        "users.username": ("personal", "username-email", "email"),
        "users.mail_host": ("technical", "hostname", const("localhost")),
        "users.language": ("technical", "locale", lambda p, i, c: "fr_FR" if p.fr else "en_GB"),
        "users.preferences": ("technical", "settings-php-serialized", prefs),
        "users.failed_login_counter": ("technical", "counter", lambda p, i, c: random.choice([None, 0, 1, 3])),
        "cache.cache_key": ("technical", "cache-key", lambda p, i, c: "IMAP.messagecount." + hexs(8)),
        "cache.data": ("technical", "cache-blob", lambda p, i, c: base64.b64encode(php_serialize({"INBOX": random.randint(1, 900)}).encode()).decode()),
        "cache_shared.cache_key": ("technical", "cache-key", lambda p, i, c: "ldap." + hexs(16)),
        "cache_shared.data": ("technical", "cache-blob", lambda p, i, c: b64(30)),
        "cache_index.mailbox": ("technical", "mailbox-name", lambda p, i, c: ["INBOX", "Sent", "Drafts", "Trash", "Archives"][i % 5]),
        "cache_index.data": ("technical", "cache-blob-uid-index", lambda p, i, c: base64.b64encode(",".join(str(x) for x in range(1, 30)).encode()).decode()),
        "cache_thread.mailbox": ("technical", "mailbox-name", lambda p, i, c: ["INBOX", "Sent", "Drafts"][i % 3]),
        "cache_thread.data": ("technical", "cache-blob-thread-tree", lambda p, i, c: b64(40)),
        "cache_messages.mailbox": ("technical", "mailbox-name", const("INBOX")),
        "cache_messages.uid": ("technical", "imap-uid", lambda p, i, c: 1000 + i),
        "cache_messages.data": ("personal", "cached-message-headers", msg_cache),
        "collected_addresses.name": ("personal", "full-name", "full"),
        "collected_addresses.email": ("personal", "email", "email"),
        "collected_addresses.type": ("technical", "enum", choice(1, 2)),
        "contacts.name": ("personal", "full-name", "full"),
        "contacts.email": ("personal", "email", "email"),
        "contacts.firstname": ("personal", "first-name", "first"),
        "contacts.surname": ("personal", "last-name", "last"),
        "contacts.vcard": ("personal", "vcard", vcard),
        "contacts.words": ("personal", "search-words", lambda p, i, c: " %s %s %s %s " % (slug(p.first), slug(p.last), p.email, p.city.lower())),
        "contacts.del": ("technical", "flag", const(0)),
        "contactgroups.name": ("technical", "group-name", lambda p, i, c: ["Famille", "Travail", "Club de foot", "Voisins", "Association", "Amis", "Fournisseurs", "Parents d'élèves"][i % 8]),
        "contactgroups.del": ("technical", "flag", const(0)),
        "identities.name": ("personal", "full-name", "full"),
        "identities.organization": ("technical", "organisation-name", lambda p, i, c: random.choice(["", p.company])),
        "identities.email": ("personal", "email", "email"),
        "identities.reply-to": ("personal", "email", lambda p, i, c: random.choice(["", p.work_email])),
        "identities.bcc": ("personal", "email", lambda p, i, c: random.choice(["", "", p.email])),
        "identities.signature": ("personal", "signature", "signature"),
        "identities.del": ("technical", "flag", const(0)),
        "responses.name": ("technical", "label", lambda p, i, c: ["Absence", "Merci", "Relance facture", "RDV"][i % 4]),
        "responses.data": ("personal", "free-text-canned-response", lambda p, i, c: "Bonjour,\n%s\nCordialement,\n%s" % (sentence_fr(), p.full)),
        "responses.del": ("technical", "flag", const(0)),
        "dictionary.language": ("technical", "locale", lambda p, i, c: ["fr_FR", "en_GB", "de_DE", "es_ES", "it_IT", "nl_NL"][i]),
        "dictionary.data": ("personal", "user-added-words", lambda p, i, c: " ".join(x.last for x in c["people"][i:i + 6])),
        "searches.name": ("technical", "label", lambda p, i, c: "recherche %d" % i),
        "searches.data": ("technical", "search-criteria-serialized", lambda p, i, c: php_serialize({"search": "HEADER SUBJECT facture", "scope": "base"})),
        "searches.type": ("technical", "enum", const(1)),
        "filestore.context": ("technical", "enum", const("enigma")),
        "filestore.filename": ("technical", "file-name", lambda p, i, c: ["pubring.kbx", "private-keys-v1.d/%s.key" % hexs(40).upper(), "trustdb.gpg", "sshcontrol"][i]),
        "filestore.data": ("credential", "gpg-keyring-incl-private-keys", lambda p, i, c: b64(300)),
        "system.name": ("technical", "setting-name", None),
        "system.value": ("technical", "setting-value", None),
    },
}
if __name__ == "__main__":
    build(SPEC)

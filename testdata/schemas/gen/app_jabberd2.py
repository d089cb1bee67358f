"""jabberd2 2.7.0 (pg, mysql, sqlite): authreg (clear passwords, jabberd2's default password_type), roster, vCard
flattened into hyphenated columns, offline queue (message stanzas), privacy lists, status, vacation auto-replies."""
import sys, os, random
sys.path.insert(0, os.path.dirname(__file__))
from common import *

P = lambda kind, g=None: ("personal", kind, g)
T = lambda kind, g=None: ("technical", kind, g)
CR = lambda kind, g=None: ("credential", kind, g)
REALM = "jabber.example.fr"


def jid(p):
    return "%s@%s" % (p.login, REALM)


def o(c, k=5):
    return c["people"][(c["i"] + k + 7 * (c["i"] // len(c["people"]))) % len(c["people"])]


owner = lambda p, i, c: jid(p)
BODIES = ["On se retrouve à 19h devant la mairie ?", "Je t'envoie le devis demain matin.", "Mon nouveau numéro : %s", "Bon anniversaire !!",
          "Tu peux passer prendre les enfants à l'école ?", "Le code du portail a changé : 4721B", "Réunion reportée à jeudi 14h", "Merci pour ton aide hier soir"]


def queue_xml(p, i, c):
    b = random.choice(BODIES)
    if "%s" in b:
        b = b % o(c).mobile
    return '<message xmlns="jabber:client" from="%s/Gajim.%s" to="%s" type="chat" id="%s"><body>%s</body><delay xmlns="urn:xmpp:delay" from="%s" stamp="%s"/></message>' % (
        jid(o(c)), hexs(6), jid(p), hexs(10), b, REALM, ts().strftime("%Y-%m-%dT%H:%M:%SZ"))


def private_xml(p, i, c):
    if i % 2:
        return '<storage xmlns="storage:bookmarks"><conference name="Club de randonnée" autojoin="true" jid="rando@conference.%s"><nick>%s</nick></conference></storage>' % (REALM, p.first)
    return '<storage xmlns="storage:rosternotes"><note jid="%s" cdate="%s">Rencontré au salon, rappeler pour le devis (%s)</note></storage>' % (
        jid(o(c)), ts().strftime("%Y-%m-%dT%H:%M:%SZ"), o(c).mobile)


def status_xml(p, i, c):
    return '<presence xmlns="jabber:client" from="%s/%s"><show>%s</show><status>%s</status><priority>5</priority></presence>' % (
        jid(p), random.choice(["Conversations.%s" % hexs(4), "Gajim", "Psi+"]), random.choice(["away", "dnd", "xa"]),
        random.choice(["En réunion jusqu'à 16h", "En congé maladie", "Chez le dentiste", "En déplacement à %s" % p.city]))


def vacation(p, i, c):
    return "Bonjour, je suis absent(e) du %s au %s. En cas d'urgence, contactez %s au %s.\n%s" % (
        ts(200).date(), ts(100).date(), o(c).full, o(c).mobile, p.full)


def vcard_hook(row, p, i, c):
    if i % 4 == 3:  # sparse vCards, as clients publish them
        for k in ("url", "title", "role", "n-middle", "n-suffix", "adr-extadd", "adr-pobox", "geo-lat", "geo-lon", "desc", "note",
                  "sound-phonetic", "sound-binval", "sound-extval", "key-type", "key-cred", "agent-extval", "logo-type", "logo-binval", "logo-extval"):
            row[k] = None


def pr_owner(p, i, c):
    return REALM


SPEC = {
    "app": "jabberd2",
    "rows": {"authreg": 40, "active": 36, "logout": 34, "roster-items": 60, "roster-groups": 45, "vcard": 30, "queue": 30, "private": 16,
             "motd-message": 1, "motd-times": 25, "privacy-default": 8, "privacy-items": 16, "vacation-settings": 6, "status": 36,
             "verify": 10, "published-roster": 12, "published-roster-groups": 4},
    "row_hook": {"vcard": vcard_hook},
    "cols": {
        "authreg.username": P("login"), "authreg.username": P("login", lambda p, i, c: p.login), "authreg.realm": T("server-domain", const(REALM)),
        "authreg.password": CR("password-clear (password_type plaintext, jabberd2 default)", "pw_clear"),
        "active.collection-owner": P("jid", owner), "active.time": T("timestamp-epoch", lambda p, i, c: int(ts(400).timestamp())),
        "logout.collection-owner": P("jid", owner), "logout.time": T("timestamp-epoch", lambda p, i, c: int(ts(30).timestamp())),
        "roster-items.collection-owner": P("jid", owner), "roster-items.jid": P("jid-of-contact", lambda p, i, c: jid(o(c))),
        "roster-items.name": P("contact-nickname", lambda p, i, c: random.choice([o(c).full, o(c).first, "Maman", "%s (boulot)" % o(c).first])),
        "roster-items.to": T("flag", lambda p, i, c: random.random() < 0.9), "roster-items.from": T("flag", lambda p, i, c: random.random() < 0.9), "roster-items.ask": T("enum", choice(0, 0, 0, 1)),
        "roster-groups.collection-owner": P("jid", owner), "roster-groups.jid": P("jid-of-contact", lambda p, i, c: jid(o(c))),
        "roster-groups.group": T("group-name", choice("Famille", "Travail", "Amis", "Association", "Voisins")),
        "vcard.collection-owner": P("jid", owner), "vcard.fn": P("full-name", "full"), "vcard.nickname": P("nickname", lambda p, i, c: p.first.lower()),
        "vcard.url": P("personal-homepage", lambda p, i, c: "https://%s.%s" % (slug(p.last), random.choice(["blog.free.fr", "github.io", "wordpress.com"]))),
        "vcard.tel": P("phone", "mobile"), "vcard.email": P("email", "email"), "vcard.jabberid": P("jid", owner), "vcard.mailer": T("software-name", choice(None, "Thunderbird 115", "Gajim 1.7")),
        "vcard.title": P("job-title", "job"), "vcard.role": P("job-role", choice("Comptable", "Chef de projet", "Bénévole", "Responsable RH", None)),
        "vcard.bday": P("birth-date-text", lambda p, i, c: p.birth.isoformat()), "vcard.tz": T("timezone", const("+01:00")),
        "vcard.n-family": P("last-name", "last"), "vcard.n-given": P("first-name", "first"), "vcard.n-middle": P("middle-name", lambda p, i, c: random.choice(["", p.faker.first_name()])),
        "vcard.n-prefix": P("civility", lambda p, i, c: ("M." if p.gender == "M" else "Mme") if p.fr else ("Mr" if p.gender == "M" else "Ms")), "vcard.n-suffix": P("name-suffix", const("")),
        "vcard.adr-street": P("street-address", "street"), "vcard.adr-extadd": P("address-line", lambda p, i, c: random.choice(["", "Bât. B", "Appt %d" % random.randint(1, 40)])),
        "vcard.adr-pobox": P("po-box", const("")), "vcard.adr-locality": P("city", "city"), "vcard.adr-region": P("region", lambda p, i, c: FR.region() if p.fr else ""),
        "vcard.adr-pcode": P("postcode", "postcode"), "vcard.adr-country": P("country", "country"),
        "vcard.geo-lat": P("latitude", lambda p, i, c: "%.5f" % random.uniform(43.2, 50.6)), "vcard.geo-lon": P("longitude", lambda p, i, c: "%.5f" % random.uniform(-1.5, 7.5)),
        "vcard.org-orgname": T("organisation-name", lambda p, i, c: random.choice(["", p.company])), "vcard.org-orgunit": T("organisation-unit", choice("", "Comptabilité", "Service client")),
        "vcard.agent-extval": P("uri-of-assistant", lambda p, i, c: random.choice(["", "xmpp:" + jid(o(c))])), "vcard.sort-string": P("last-name-sort-key", lambda p, i, c: p.last.upper()),
        "vcard.desc": P("free-text-about-person", lambda p, i, c: random.choice(["Passionné de photo et de vélo.", "Maman de deux enfants, bénévole aux Restos du cœur.", "Trésorier de l'association des parents d'élèves."])),
        "vcard.note": P("free-text-note", lambda p, i, c: random.choice(["", "Disponible le mardi et le jeudi", "Allergique aux arachides - pour les repas d'équipe"])),
        "vcard.uid": T("vcard-uid", lambda p, i, c: FR.uuid4()),
        "vcard.photo-type": T("mime", const("image/jpeg")), "vcard.photo-binval": P("photo-base64", lambda p, i, c: b64(96)),
        "vcard.photo-extval": P("photo-url", lambda p, i, c: random.choice(["", "https://avatars.example.fr/%s.jpg" % p.login])),
        "vcard.logo-type": T("mime", const("image/png")), "vcard.logo-binval": T("organisation-logo-base64", lambda p, i, c: b64(60)), "vcard.logo-extval": T("url", const("")),
        "vcard.sound-phonetic": P("name-pronunciation", lambda p, i, c: p.full.lower()), "vcard.sound-binval": P("name-recording-base64", lambda p, i, c: random.choice(["", b64(80)])),
        "vcard.sound-extval": P("name-recording-url", const("")), "vcard.key-type": T("mime", const("application/pgp-keys")),
        "vcard.key-cred": P("public-key-of-person", lambda p, i, c: "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n%s\n-----END PGP PUBLIC KEY BLOCK-----" % b64(150)),
        "vcard.rev": T("timestamp-text", lambda p, i, c: ts().strftime("%Y-%m-%dT%H:%M:%SZ")),
        "queue.collection-owner": P("jid", owner), "queue.xml": P("offline-message-stanza-with-body", queue_xml),
        "private.collection-owner": P("jid", owner), "private.ns": T("xml-namespace", lambda p, i, c: "storage:bookmarks" if i % 2 else "storage:rosternotes"),
        "private.xml": P("private-xml-storage (bookmarks with nick, roster notes)", private_xml),
        "motd-message.collection-owner": T("server-jid", const(REALM)),
        "motd-message.xml": T("server-announcement", const('<message xmlns="jabber:client" from="%s"><subject>Maintenance</subject><body>Le serveur sera indisponible samedi de 22h à 23h.</body></message>' % REALM)),
        "motd-times.collection-owner": P("jid", owner), "motd-times.time": T("timestamp-epoch", lambda p, i, c: int(ts(60).timestamp())),
        "privacy-default.collection-owner": P("jid", owner), "privacy-default.default": T("list-name", choice("public", "invisible", "block")),
        "privacy-items.collection-owner": P("jid", owner), "privacy-items.list": T("list-name", choice("public", "invisible", "block")),
        "privacy-items.type": T("enum", choice("jid", "jid", "jid", "group", "subscription")), "privacy-items.value": P("jid-of-blocked-contact", lambda p, i, c: jid(o(c, 11))),
        "privacy-items.deny": T("flag", choice(0, 1)), "privacy-items.order": T("number", lambda p, i, c: i + 1), "privacy-items.block": T("bitmask", choice(0, 1, 15)),
        "vacation-settings.collection-owner": P("jid", owner), "vacation-settings.start": T("timestamp-epoch", lambda p, i, c: int(ts(200, 120).timestamp())),
        "vacation-settings.end": T("timestamp-epoch", lambda p, i, c: int(ts(100, 10).timestamp())), "vacation-settings.message": P("auto-reply-text", vacation),
        "status.collection-owner": P("jid", owner), "status.status": T("enum", choice("online", "offline")), "status.show": T("enum", choice("", "away", "dnd", "xa")),
        "status.last-login": T("timestamp-epoch", lambda p, i, c: int(ts(30).timestamp())), "status.last-logout": T("timestamp-epoch", lambda p, i, c: int(ts(30).timestamp())),
        "status.xml": P("presence-stanza-with-status-text", status_xml),
        "verify.collection-owner": P("jid", owner), "verify.email": P("email", "email"), "verify.code": CR("e-mail-verification-code", lambda p, i, c: urlsafe(12)), "verify.state": T("enum", choice(0, 1)),
        "published-roster.collection-owner": T("server-domain", pr_owner), "published-roster.jid": P("jid", owner), "published-roster.group": T("group-name", choice("Direction", "Support", "Comptabilité")),
        "published-roster.name": P("full-name", "full"), "published-roster.to": T("flag", const(True)), "published-roster.from": T("flag", const(True)), "published-roster.ask": T("enum", const(0)),
        "published-roster-groups.collection-owner": T("server-domain", pr_owner), "published-roster-groups.groupname": T("group-name", lambda p, i, c: ["Direction", "Support", "Comptabilité", "Tous"][i]),
    },
}
if __name__ == "__main__":
    build(SPEC)

import sys, os, random, base64
sys.path.insert(0, os.path.dirname(__file__))
from common import *

P = lambda kind, g=None: ("personal", kind, g)
T = lambda kind, g=None: ("technical", kind, g)
CR = lambda kind, g=None: ("credential", kind, g)


def rt_bcrypt(pw):
    h = h_bcrypt(pw, "$2b$")  # $2b$04$<22 salt><31 hash>
    return "!bcrypt!10!" + h[7:]


def users_hook(row, p, i, c):
    row["name"] = p.email if i % 3 else p.login
    row["password"] = rt_bcrypt(pw_clear()) if i % 6 else ("!sha512!%s!%s" % (hexs(8), b64(64)) if i % 12 else "*NO-PASSWORD*")


SUBJECTS = ["Impossible de me connecter au VPN", "Demande de remboursement - commande {n}", "Changement d'adresse de livraison", "Imprimante du 2e étage en panne",
            "Facture {n} erronée", "Demande de congé maternité", "Mot de passe oublié", "Réclamation colis non reçu", "Accès au dossier partagé RH", "Problème de badge d'accès"]


def subject(p, i, c):
    return random.choice(SUBJECTS).replace("{n}", str(random.randint(10000, 99999)))


def body(p, i, c):
    return "Bonjour,\n\n%s\nMon numéro de téléphone : %s\nAdresse : %s, %s %s\n\nCordialement,\n%s" % (FR.paragraph(nb_sentences=3), p.mobile, p.street, p.postcode, p.city, p.full)


def headers(p, i, c):
    return "Return-Path: <%s>\nReceived: from [%s] by mx.example.fr\nFrom: %s <%s>\nTo: support@example.fr\nSubject: %s\nMessage-ID: <%s@%s>\nUser-Agent: %s\nX-RT-Original-Encoding: utf-8" % (
        p.email, p.ip4, p.full, p.email, subject(p, i, c), hexs(16), p.domain, p.ua)


USERS = ("users", "id")
SPEC = {
    "app": "request-tracker",
    "fks": {("tickets", "owner"): USERS, ("tickets", "queue"): ("queues", "id"), ("tickets", "creator"): USERS, ("tickets", "lastupdatedby"): USERS,
            ("transactions", "objectid"): ("tickets", "id"), ("transactions", "creator"): USERS, ("attachments", "transactionid"): ("transactions", "id"),
            ("attachments", "creator"): USERS, ("authtokens", "owner"): USERS, ("groupmembers", "memberid"): USERS, ("groupmembers", "groupid"): ("groups", "id"),
            ("objectcustomfieldvalues", "customfield"): ("customfields", "id"), ("objectcustomfieldvalues", "objectid"): ("tickets", "id")},
    "fk_by_colname": {"creator": ("users", "id"), "lastupdatedby": ("users", "id")},
    "rows": {"users": 40, "tickets": 45, "transactions": 60, "attachments": 50, "queues": 4, "groups": 6, "groupmembers": 20, "sessions": 15, "authtokens": 6,
             "objectcustomfieldvalues": 30, "customfields": 3, "principals": 10, "cachedgroupmembers": 10, "acl": 6, "templates": 4, "scrips": 3, "attributes": 8, "links": 5},
    "row_hook": {"users": users_hook},
    "cols": {
        "users.name": P("username-or-email"), "users.password": CR("password-hash-bcrypt-rt (!bcrypt!), some !sha512!"), "users.authtoken": CR("auth-token", lambda p, i, c: urlsafe(12)[:16]),
        "users.comments": P("free-text-about-user", lambda p, i, c: random.choice(["", "Client VIP, toujours rappeler avant 18h", "Ancien employé, compte désactivé", "Préfère être contacté par téléphone"])),
        "users.signature": P("signature", "signature"), "users.emailaddress": P("email", "email"), "users.freeformcontactinfo": P("free-text-contact", lambda p, i, c: "%s\n%s %s" % (p.street, p.postcode, p.city)),
        "users.organization": T("organisation-name", lambda p, i, c: random.choice(["", p.company])), "users.realname": P("full-name", "full"), "users.nickname": P("nickname", lambda p, i, c: p.first[:16]),
        "users.lang": T("locale", lambda p, i, c: "fr" if p.fr else "en"), "users.gecos": P("unix-login", lambda p, i, c: p.login[:16]), "users.homephone": P("phone", "phone"),
        "users.workphone": P("phone", lambda p, i, c: FR.phone_number()), "users.mobilephone": P("phone-mobile", "mobile"), "users.pagerphone": P("phone", const("")),
        "users.address1": P("street-address", "street"), "users.address2": P("address-line", const("")), "users.city": P("city", "city"), "users.state": P("region", lambda p, i, c: FR.region() if p.fr else ""),
        "users.zip": P("postcode", "postcode"), "users.country": P("country", "country"), "users.timezone": T("timezone", const("Europe/Paris")),
        "users.smimecertificate": P("certificate-public-of-person", lambda p, i, c: random.choice(["", "-----BEGIN CERTIFICATE-----\n%s\n-----END CERTIFICATE-----" % b64(120)])),
        "tickets.subject": P("ticket-subject", subject), "tickets.type": T("enum", const("ticket")), "tickets.status": T("enum", choice("new", "open", "stalled", "resolved")),
        "tickets.sla": T("enum", const(None)), "tickets.effectiveid": T("id", lambda p, i, c: i + 1), "tickets.ismerged": T("flag", const(None)),
        "transactions.objecttype": T("enum", const("RT::Ticket")), "transactions.type": T("enum", choice("Create", "Correspond", "Comment", "Status", "Set")),
        "transactions.field": T("field-name", choice("", "Status", "Owner")), "transactions.oldvalue": T("old-value", choice("", "new", "open")), "transactions.newvalue": T("new-value", choice("", "open", "resolved")),
        "transactions.referencetype": T("enum", const(None)), "transactions.data": T("data", const("")),
        "attachments.messageid": T("message-id", lambda p, i, c: "%s@%s" % (hexs(16), p.domain)), "attachments.subject": P("ticket-subject", subject),
        "attachments.filename": T("file-name", lambda p, i, c: random.choice(["", "", "capture.png", "facture.pdf"])), "attachments.contenttype": T("mime", const("text/plain")),
        "attachments.contentencoding": T("enum", const("none")), "attachments.content": P("ticket-message-body", body), "attachments.headers": P("mail-headers-with-names-ips", headers),
        "attachments.parent": T("fk", const(0)),
        "queues.name": T("queue-name", lambda p, i, c: ["General", "Support", "RH", "Facturation"][i]), "queues.description": T("description", const("")),
        "queues.correspondaddress": T("org-email", lambda p, i, c: ["general", "support", "rh", "facturation"][i] + "@example.fr"), "queues.commentaddress": T("org-email", lambda p, i, c: ["general", "support", "rh", "facturation"][i] + "-comment@example.fr"),
        "queues.lifecycle": T("enum", const("default")), "queues.subjecttag": T("tag", const("")),
        "groups.name": T("group-name", lambda p, i, c: ["Privileged", "Unprivileged", "Everyone", "AdminCc", "Requestor", "Cc"][i]), "groups.description": T("description", const("")),
        "groups.domain": T("enum", choice("SystemInternal", "RT::Ticket-Role", "UserDefined")),
        "sessions.id": CR("session-id", lambda p, i, c: hexs(32)), "sessions.a_session": CR("session-data-serialized", lambda p, i, c: base64.b64encode(os.urandom(120))),
        "authtokens.token": CR("api-token-hash", lambda p, i, c: rt_bcrypt(urlsafe(16))), "authtokens.description": T("label", choice("CLI", "Intégration Zabbix", "Script import")),
        "objectcustomfieldvalues.objecttype": T("enum", const("RT::Ticket")),
        "objectcustomfieldvalues.content": P("custom-field-value (customer number, callback phone)", lambda p, i, c: random.choice([p.mobile, "CLI-%06d" % random.randint(0, 999999), p.phone])),
        "objectcustomfieldvalues.largecontent": P("custom-field-large-value", const(None)), "objectcustomfieldvalues.contenttype": T("mime", const("text/plain")), "objectcustomfieldvalues.contentencoding": T("enum", const(None)),
        "customfields.name": T("field-name", lambda p, i, c: ["Téléphone de rappel", "Numéro client", "Site"][i]), "customfields.type": T("enum", const("Freeform")),
        "customfields.pattern": T("regex", const("")), "customfields.lookuptype": T("enum", const("RT::Queue-RT::Ticket")),
        "principals.principaltype": T("enum", choice("User", "Group")),
        "templates.name": T("template-name", lambda p, i, c: ["Autoreply", "Transaction", "Resolved", "Blank"][i]),
        "templates.content": T("template-text", const("Subject: AutoReply: {$Ticket->Subject}\n\nNous avons bien reçu votre demande.")),
        "scrips.description": T("description", const("On Create Autoreply To Requestors")), "scrips.customisapplicablecode": T("code", const("")), "scrips.custompreparecode": T("code", const("")),
        "scrips.customcommitcode": T("code", const("")), "scrips.template": T("template-name", const("Autoreply")),
        "attributes.name": T("setting-name", choice("SavedSearch", "Pref-RT::System-1", "Dashboard")), "attributes.content": T("serialized-settings", lambda p, i, c: base64.b64encode(os.urandom(40))),
        "attributes.objecttype": T("enum", const("RT::User")),
        "links.base": T("uri", lambda p, i, c: "fsck.com-rt://example.fr/ticket/%d" % (i + 1)), "links.target": T("uri", lambda p, i, c: "fsck.com-rt://example.fr/ticket/%d" % (i + 2)), "links.type": T("enum", const("RefersTo")),
    },
}
if __name__ == "__main__":
    build(SPEC)

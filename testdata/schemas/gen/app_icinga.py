import sys, os, random
sys.path.insert(0, os.path.dirname(__file__))
from common import *

P = lambda kind, g=None: ("personal", kind, g)
T = lambda kind, g=None: ("technical", kind, g)
login = lambda p, i, c: p.login
ACK = ["Je regarde, disque plein sur /var", "Pris en charge - %s", "Redémarrage prévu ce soir", "Fausse alerte, maintenance électrique", "Ticket ouvert chez l'hébergeur"]


def ack(p, i, c):
    t = random.choice(ACK)
    return t % p.first if "%s" in t else t


SPEC = {
    "app": "icinga2-ido",
    "label_by_colname": {"session_token": ("technical", "ido-writer-session-number (integer, not a secret)")},
    "rows": {"icinga_dbversion": 0, "icinga_contacts": 20, "icinga_contact_addresses": 10, "icinga_comments": 15, "icinga_commenthistory": 20, "icinga_acknowledgements": 12,
             "icinga_downtimehistory": 8, "icinga_scheduleddowntime": 5, "icinga_contactnotifications": 20, "icinga_objects": 30, "icinga_hosts": 8, "icinga_notifications": 15,
             "icinga_contactgroups": 3, "icinga_contactgroup_members": 15, "icinga_logentries": 20, "icinga_statehistory": 15},
    "cols": {
        "icinga_contacts.alias": P("full-name", "full"), "icinga_contacts.email_address": P("email", "work_email"), "icinga_contacts.pager_address": P("phone-mobile", "e164"),
        "icinga_contact_addresses.address": P("contact-address (phone / xmpp / other)", lambda p, i, c: random.choice([p.mobile, "%s@jabber.example.fr" % p.login])),
        "icinga_comments.author_name": P("username", login), "icinga_comments.comment_data": P("free-text-operator-comment", ack),
        "icinga_commenthistory.author_name": P("username", login), "icinga_commenthistory.comment_data": P("free-text-operator-comment", ack),
        "icinga_acknowledgements.author_name": P("username", login), "icinga_acknowledgements.comment_data": P("free-text-operator-comment", ack),
        "icinga_downtimehistory.author_name": P("username", login), "icinga_downtimehistory.comment_data": P("free-text-operator-comment", ack),
        "icinga_scheduleddowntime.author_name": P("username", login), "icinga_scheduleddowntime.comment_data": P("free-text-operator-comment", ack),
        "icinga_objects.name1": T("object-name (host, service or contact)", lambda p, i, c: random.choice(["srv-web01", "srv-db01", "fw-01", "nas-01"])),
        "icinga_objects.name2": T("object-name", lambda p, i, c: random.choice([None, "ping4", "disk", "http"])),
        "icinga_hosts.address": T("ip-server", lambda p, i, c: "10.0.0.%d" % (i + 10)), "icinga_hosts.address6": T("ip-server", const("")),
        "icinga_hosts.alias": T("host-alias", lambda p, i, c: "Serveur %d" % i), "icinga_hosts.display_name": T("host-name", lambda p, i, c: "srv-%02d" % i),
        "icinga_contactgroups.alias": T("group-name", choice("Admins Linux", "Astreinte", "Réseau")),
        **{t + ".session_token": T("ido-writer-session-number (integer, not a secret)") for t in ("icinga_contactgroup_members", "icinga_customvariables", "icinga_customvariablestatus", "icinga_hostgroup_members", "icinga_servicegroup_members")},
        "icinga_logentries.logentry_data": T("log-line", lambda p, i, c: "HOST ALERT: srv-web01;DOWN;SOFT;1;CRITICAL - Host Unreachable (10.0.0.%d)" % random.randint(2, 99)),
    },
}
if __name__ == "__main__":
    build(SPEC)

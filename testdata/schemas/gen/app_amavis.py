import sys, os, random
sys.path.insert(0, os.path.dirname(__file__))
from common import *

P = lambda kind, g=None: ("personal", kind, g)
T = lambda kind, g=None: ("technical", kind, g)
CR = lambda kind, g=None: ("credential", kind, g)
MAILIDS = [urlsafe(9) for _ in range(60)]


def revdom(e):
    return ".".join(reversed(e.split("@")[1].split(".")))


def maddr_hook(row, p, i, c):
    e = p.email if i < 40 else p.work_email
    row["email"] = e
    row["domain"] = revdom(e)
    row["partition_tag"] = 0


def msgs_hook(row, p, i, c):
    row["mail_id"] = MAILIDS[i]
    row["partition_tag"] = 0
    t = ts(60)
    row["time_num"] = int(t.timestamp())
    row["time_iso"] = t.strftime("%Y%m%dT%H%M%SZ")


def mail_text(p, i, c):
    o = c["people"][(i + 9) % 40]
    return "Return-Path: <%s>\r\nReceived: from [%s]\r\nFrom: %s <%s>\r\nTo: %s\r\nSubject: %s\r\n\r\n%s\r\n" % (o.email, o.ip4, o.full, o.email, p.email, FR.sentence(nb_words=5), message_body(o, p))


SPEC = {
    "app": "amavisd-new",
    "fks": {("msgs", "sid"): ("maddr", "id"), ("msgrcpt", "rid"): ("maddr", "id"), ("msgrcpt", "mail_id"): ("msgs", "mail_id"), ("quarantine", "mail_id"): ("msgs", "mail_id"),
            ("users", "policy_id"): ("policy", "id"), ("wblist", "rid"): ("users", "id"), ("wblist", "sid"): ("mailaddr", "id")},
    "rows": {"policy": 4, "users": 35, "mailaddr": 30, "wblist": 30, "maddr": 50, "msgs": 50, "msgrcpt": 55, "quarantine": 12},
    "row_hook": {"maddr": maddr_hook, "msgs": msgs_hook},
    "cols": {
        "users.email": P("email", "email"), "users.fullname": P("full-name", "full"), "users.priority": T("priority", const(7)),
        "mailaddr.email": P("email-sender", lambda p, i, c: random.choice([p.email, "@" + p.domain if i % 5 == 0 else p.email])), "mailaddr.priority": T("priority", const(9)),
        "wblist.wb": T("enum", choice("W", "B", "W", "-3.0")),
        "policy.policy_name": T("policy-name", lambda p, i, c: ["Default", "Non-paranoid", "Trust", "Uncensored"][i]),
        "policy.virus_quarantine_to": T("quarantine-target", const("virus-quarantine")), "policy.spam_quarantine_to": T("quarantine-target", const("spam-quarantine")),
        "policy.newvirus_admin": T("org-email", const("postmaster@example.fr")), "policy.virus_admin": T("org-email", const("postmaster@example.fr")),
        "policy.banned_admin": T("org-email", const("postmaster@example.fr")), "policy.bad_header_admin": T("org-email", const("postmaster@example.fr")), "policy.spam_admin": T("org-email", const("postmaster@example.fr")),
        "policy.spam_subject_tag": T("setting", const("***SPAM*** ")), "policy.sa_username": T("setting", const(None)), "policy.sa_userconf": T("setting", const(None)),
        "maddr.email": P("email"), "maddr.domain": T("domain-reversed"), "maddr.partition_tag": T("partition"),
        "msgs.mail_id": T("mail-id"), "msgs.secret_id": CR("quarantine-release-secret", lambda p, i, c: urlsafe(9)), "msgs.am_id": T("process-id", lambda p, i, c: "%05d-%02d" % (random.randint(1000, 99999), random.randint(1, 20))),
        "msgs.time_num": T("timestamp-epoch"), "msgs.time_iso": T("timestamp-iso-text"), "msgs.policy": T("policy-name", const("MYNETS")), "msgs.client_addr": P("ip-sender", "ip"),
        "msgs.originating": T("flag", choice("Y", "N")), "msgs.content": T("enum", choice("C", "S", "V", "B")), "msgs.quar_type": T("enum", choice("Q", "", "F")),
        "msgs.quar_loc": T("quarantine-location", lambda p, i, c: "spam-%s.gz" % urlsafe(9)), "msgs.dsn_sent": T("enum", const("N")), "msgs.spam_level": T("score", lambda p, i, c: round(random.uniform(-3, 25), 2)),
        "msgs.message_id": T("message-id", lambda p, i, c: "<%s@%s>" % (hexs(20), p.domain)), "msgs.from_addr": P("email-with-name", "email_name"),
        "msgs.subject": P("mail-subject", lambda p, i, c: FR.sentence(nb_words=6)), "msgs.host": T("hostname", const("mx1.example.fr")), "msgs.partition_tag": T("partition"),
        "msgrcpt.partition_tag": T("partition", const(0)), "msgrcpt.rseqnum": T("sequence", lambda p, i, c: i + 1), "msgrcpt.is_local": T("flag", choice("Y", "N")), "msgrcpt.content": T("enum", choice("C", "S")),
        "msgrcpt.ds": T("enum", choice("P", "D", "B")), "msgrcpt.rs": T("enum", const(" ")), "msgrcpt.bl": T("flag", const("N")), "msgrcpt.wl": T("flag", const("N")),
        "msgrcpt.bspam_level": T("score", lambda p, i, c: round(random.uniform(-3, 25), 2)), "msgrcpt.smtp_resp": T("smtp-response", lambda p, i, c: "250 2.0.0 from MTA(smtp:[127.0.0.1]:10025): 250 2.0.0 Ok: queued as %s" % hexs(10).upper()),
        "quarantine.partition_tag": T("partition", const(0)), "quarantine.chunk_ind": T("sequence", const(1)), "quarantine.mail_text": P("full-mail-message", mail_text),
    },
}
if __name__ == "__main__":
    build(SPEC)

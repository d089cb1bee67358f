"""Specs for the small applications: spamassassin, powerdns, gammu-smsd, coturn, gnokii-smsd, rsyslog."""
import sys, os, random, hashlib, base64
sys.path.insert(0, os.path.dirname(__file__))
from common import *

P = lambda kind, g=None: ("personal", kind, g)
T = lambda kind, g=None: ("technical", kind, g)
CR = lambda kind, g=None: ("credential", kind, g)


def o(c, k=5):
    return c["people"][(c["i"] + k + 7 * (c["i"] // len(c["people"]))) % len(c["people"])]


def up_hook(row, p, i, c):
    k = ["whitelist_from", "whitelist_from", "blacklist_from", "whitelist_from", "required_score", "rewrite_header Subject", "report_safe", "ok_languages"][i % 8]
    v = {"whitelist_from": o(c).email, "blacklist_from": "*@" + random.choice(["promo-mail.biz", "casino-win.top", o(c).domain]), "required_score": "5.0",
         "rewrite_header Subject": "*****SPAM*****", "report_safe": "0", "ok_languages": "fr en"}[k]
    row["preference"], row["value"] = k, v
    row["username"] = p.email if i % 9 else "@GLOBAL"


SA = {
    "app": "spamassassin",
    "rows": {"userpref": 50, "awl": 50, "txrep": 40, "bayes_vars": 20, "bayes_token": 40, "bayes_seen": 30, "bayes_expire": 3, "bayes_global_vars": 0, "short_url_cache": 10},
    "row_hook": {"userpref": up_hook},
    "cols": {
        "userpref.username": P("email-username"), "userpref.preference": T("kv-attribute-name"), "userpref.value": P("kv-value-mostly-email-addresses"), "userpref.prefid": T("pk", lambda p, i, c: i + 1),
        "awl.username": P("email-username", lambda p, i, c: p.email), "awl.email": P("email-sender", lambda p, i, c: o(c).email),
        "awl.ip": P("ip-network-of-sender", lambda p, i, c: ".".join(o(c).ip4.split(".")[:2])), "awl.signedby": T("domain", lambda p, i, c: random.choice(["", o(c).domain])),
        "awl.msgcount": T("counter", lambda p, i, c: random.randint(1, 80)), "awl.totscore": T("score", lambda p, i, c: round(random.uniform(-20, 60), 2)), "awl.last_hit": T("timestamp", "ts"),
        "txrep.username": P("email-username", lambda p, i, c: p.email), "txrep.email": P("email-sender", lambda p, i, c: o(c).email),
        "txrep.ip": P("ip-network-of-sender", lambda p, i, c: ".".join(o(c).ip4.split(".")[:2])), "txrep.signedby": T("domain", lambda p, i, c: random.choice(["", o(c).domain])),
        "txrep.msgcount": T("counter", lambda p, i, c: random.randint(1, 80)), "txrep.totscore": T("score", lambda p, i, c: round(random.uniform(-20, 60), 2)), "txrep.last_hit": T("timestamp", "ts"),
        "bayes_vars.username": P("email-username", lambda p, i, c: p.email),
        "bayes_token.token": T("token-hash-binary", lambda p, i, c: os.urandom(5)), "bayes_seen.msgid": T("message-id-hash", lambda p, i, c: "%s@sa_generated" % hexs(40)),
        "bayes_seen.flag": T("enum", choice("s", "h")), "bayes_global_vars.variable": T("setting-name", const("VERSION")), "bayes_global_vars.value": T("setting-value", const("3")),
        "short_url_cache.short_url": T("url", lambda p, i, c: "https://bit.ly/%s" % urlsafe(5)), "short_url_cache.decoded_url": T("url", "url"),
    },
}

PD = {
    "app": "powerdns",
    "rows": {"domains": 5, "records": 40, "supermasters": 2, "comments": 12, "domainmetadata": 6, "cryptokeys": 4, "tsigkeys": 3},
    "cols": {
        "domains.name": T("dns-zone", lambda p, i, c: ["example.fr", "mairie-exemple.fr", "asso-velo.org", "boulangerie-martin.fr", "example.net"][i]),
        "domains.master": T("ip-server", lambda p, i, c: random.choice(["", "192.0.2.53"])), "domains.type": T("enum", choice("NATIVE", "MASTER")),
        "domains.account": T("account-name-customer-org", lambda p, i, c: random.choice(["", "client-%03d" % i])), "domains.options": T("json-options", const("")),
        "domains.catalog": T("dns-zone", const("")), "domains.last_check": T("timestamp-epoch", lambda p, i, c: int(ts().timestamp())),
        "domains.notified_serial": T("serial", lambda p, i, c: 2026110101 + i),
        "records.name": T("dns-name", lambda p, i, c: random.choice(["www", "mail", "vpn", "@", "_dmarc", "intranet"]).replace("@", "") + ".example.fr"),
        "records.type": T("enum", choice("A", "AAAA", "MX", "TXT", "CNAME")), "records.content": T("dns-rdata", lambda p, i, c: random.choice(["192.0.2.%d" % random.randint(1, 254), "mail.example.fr", "v=spf1 mx -all", "2001:db8::%x" % random.randint(1, 999)])),
        "records.ttl": T("ttl", const(3600)), "records.prio": T("number", const(0)), "records.ordername": T("dnssec-ordername", const(None)),
        "supermasters.ip": T("ip-server", lambda p, i, c: "192.0.2.%d" % (53 + i)), "supermasters.nameserver": T("hostname", lambda p, i, c: "ns%d.example.net" % (i + 1)), "supermasters.account": T("account-name", const("internal")),
        "comments.name": T("dns-name", lambda p, i, c: "www.example.fr"), "comments.type": T("enum", const("A")), "comments.modified_at": T("timestamp-epoch", lambda p, i, c: int(ts().timestamp())),
        "comments.account": P("username-of-comment-author", lambda p, i, c: p.login), "comments.comment": P("free-text-comment", lambda p, i, c: random.choice(["Ticket #%d demandé par %s" % (random.randint(1000, 9999), p.full), "Ancien serveur de %s, à supprimer" % p.first, "Migration faite par %s le %s" % (p.full, ts().date())])),
        "domainmetadata.kind": T("setting-name", choice("ALLOW-AXFR-FROM", "SOA-EDIT-API", "NSEC3PARAM")), "domainmetadata.content": T("setting-value", choice("AUTO-NS", "DEFAULT", "1 0 0 -")),
        "cryptokeys.content": CR("dnssec-private-key", lambda p, i, c: "Private-key-format: v1.2\nAlgorithm: 13 (ECDSAP256SHA256)\nPrivateKey: %s\n" % b64(32)), "cryptokeys.flags": T("number", choice(256, 257)),
        "tsigkeys.name": T("key-name", lambda p, i, c: "axfr-key-%d" % i), "tsigkeys.algorithm": T("enum", const("hmac-sha256")), "tsigkeys.secret": CR("tsig-secret", lambda p, i, c: b64(32)),
    },
}

NETS = [("20801", "Orange F"), ("20810", "SFR"), ("20820", "Bouygues"), ("20815", "Free")]


def ucs2hex(s):
    return s.encode("utf-16-be").hex().upper()


SMS = ["Votre RDV chez le Dr %s est confirmé demain à 10h30.", "Code de vérification : %d", "Bonjour %s, votre colis est disponible en point relais.",
       "Rappel : facture impayée, merci de nous contacter.", "Je suis en bas, tu descends ?", "Ok pour samedi, bises %s"]


def smstext(p, i, c):
    t = random.choice(SMS)
    if "%d" in t:
        return t % random.randint(100000, 999999)
    if "%s" in t:
        return t % (p.last if "Dr" in t else p.first)
    return t


def gammu_hook(row, p, i, c):
    t = smstext(p, i, c)
    row["textdecoded"] = t
    row["text"] = ucs2hex(t)
    row["coding"] = "Default_No_Compression"
    row["udh"] = ""


GA = {
    "app": "gammu-smsd",
    "rows": {"gammu": 0, "inbox": 40, "outbox": 20, "outbox_multipart": 5, "phones": 2, "sentitems": 40},
    "row_hook": {"inbox": gammu_hook, "outbox": gammu_hook, "sentitems": gammu_hook, "outbox_multipart": gammu_hook},
    "cols": {
        "gammu.version": T("schema-version"),
        "inbox.text": P("sms-text-ucs2-hex"), "inbox.textdecoded": P("sms-text"), "inbox.sendernumber": P("phone", "e164"), "inbox.smscnumber": T("smsc-number", const("+33609001390")),
        "inbox.udh": T("udh"), "inbox.recipientid": T("modem-id", const("gsm-modem-1")), "inbox.class": T("number", const(-1)), "inbox.processed": T("enum", choice("false", "true")),
        "outbox.text": P("sms-text-ucs2-hex"), "outbox.textdecoded": P("sms-text"), "outbox.destinationnumber": P("phone", "e164"), "outbox.udh": T("udh"),
        "outbox.senderid": T("modem-id", const("gsm-modem-1")), "outbox.creatorid": T("creator-app", const("Gammu 1.42.0")), "outbox.class": T("number", const(-1)),
        "outbox_multipart.text": P("sms-text-ucs2-hex"), "outbox_multipart.textdecoded": P("sms-text"), "outbox_multipart.udh": T("udh"), "outbox_multipart.class": T("number", const(-1)),
        "sentitems.text": P("sms-text-ucs2-hex"), "sentitems.textdecoded": P("sms-text"), "sentitems.destinationnumber": P("phone", "e164"), "sentitems.smscnumber": T("smsc-number", const("+33609001390")),
        "sentitems.udh": T("udh"), "sentitems.senderid": T("modem-id", const("gsm-modem-1")), "sentitems.creatorid": T("creator-app", const("Gammu 1.42.0")), "sentitems.class": T("number", const(-1)),
        "phones.id": T("modem-id", lambda p, i, c: "gsm-modem-%d" % (i + 1)), "phones.imei": P("device-imei", lambda p, i, c: "35%013d" % random.randint(0, 10**13 - 1)),
        "phones.imsi": P("subscriber-imsi", lambda p, i, c: "20801%010d" % random.randint(0, 10**10 - 1)), "phones.netcode": T("network-code", lambda p, i, c: NETS[i][0]),
        "phones.netname": T("network-name", lambda p, i, c: NETS[i][1]), "phones.client": T("client-version", const("Gammu 1.42.0, Linux, kernel 6.1.0, GCC 12.2")),
    },
}


def coturn_users(row, p, i, c):
    pw = pw_clear()
    row["realm"] = "turn.example.fr"
    row["name"] = p.login
    row["hmackey"] = hashlib.md5(("%s:%s:%s" % (p.login, "turn.example.fr", pw)).encode()).hexdigest()


def coturn_admin(row, p, i, c):
    from passlib.hash import sha256_crypt
    row["name"], row["realm"], row["password"] = p.login, "turn.example.fr", sha256_crypt.using(rounds=5000).hash(pw_clear())


CO = {
    "app": "coturn",
    "rows": {"turnusers_lt": 30, "admin_user": 3, "turn_secret": 2, "allowed_peer_ip": 2, "denied_peer_ip": 3, "turn_origin_to_realm": 2, "turn_realm_option": 3, "oauth_key": 2},
    "row_hook": {"turnusers_lt": coturn_users, "admin_user": coturn_admin},
    "cols": {
        "turnusers_lt.realm": T("realm"), "turnusers_lt.name": P("username"), "turnusers_lt.hmackey": CR("password-hash-md5-hmackey"),
        "admin_user.name": P("username"), "admin_user.realm": T("realm"), "admin_user.password": CR("password-hash-sha256-crypt"),
        "turn_secret.realm": T("realm", const("turn.example.fr")), "turn_secret.value": CR("shared-secret-rest-api", lambda p, i, c: hexs(32)),
        "allowed_peer_ip.realm": T("realm", const("turn.example.fr")), "allowed_peer_ip.ip_range": T("ip-range", lambda p, i, c: "10.%d.0.0-10.%d.255.255" % (i, i)),
        "denied_peer_ip.realm": T("realm", const("turn.example.fr")), "denied_peer_ip.ip_range": T("ip-range", lambda p, i, c: ["172.16.0.0-172.31.255.255", "192.168.0.0-192.168.255.255", "127.0.0.0-127.255.255.255"][i]),
        "turn_origin_to_realm.origin": T("url", lambda p, i, c: ["https://visio.example.fr", "https://meet.example.org"][i]), "turn_origin_to_realm.realm": T("realm", const("turn.example.fr")),
        "turn_realm_option.realm": T("realm", const("turn.example.fr")), "turn_realm_option.opt": T("setting-name", lambda p, i, c: ["max-bps", "user-quota", "total-quota"][i]),
        "turn_realm_option.value": T("setting-value", lambda p, i, c: ["500000", "12", "1200"][i]),
        "oauth_key.kid": T("key-id", lambda p, i, c: "north%d" % i), "oauth_key.ikm_key": CR("oauth-key-material", lambda p, i, c: b64(32)),
        "oauth_key.as_rs_alg": T("enum", const("A256GCM")), "oauth_key.realm": T("realm", const("turn.example.fr")), "oauth_key.timestamp": T("timestamp-epoch", lambda p, i, c: int(ts().timestamp())),
        "oauth_key.lifetime": T("duration", const(3600)),
    },
}

GN = {
    "app": "gnokii-smsd",
    "rows": {"inbox": 40, "outbox": 30, "multipartinbox": 10},
    "cols": {
        "inbox.number": P("phone", "e164"), "inbox.text": P("sms-text", smstext), "inbox.phone": T("modem-number", const(1)),
        "multipartinbox.number": P("phone", "e164"), "multipartinbox.text": P("sms-text", smstext), "multipartinbox.phone": T("modem-number", const(1)),
        "multipartinbox.refnum": T("number", lambda p, i, c: i // 2), "multipartinbox.maxnum": T("number", const(2)), "multipartinbox.curnum": T("number", lambda p, i, c: i % 2 + 1),
        "outbox.number": P("phone", "e164"), "outbox.text": P("sms-text", smstext), "outbox.phone": T("modem-number", const(1)), "outbox.error": T("error-code", const(0)),
        "outbox.dreport": T("flag", const(0)),
    },
}

HOSTS = ["web01", "mail01", "vpn-gw", "fw01", "ad01"]


def syslog_msg(p, i, c):
    return random.choice([
        " Accepted password for %s from %s port %d ssh2" % (p.login, p.ip4, random.randint(30000, 60000)),
        " Failed password for invalid user %s from %s port %d ssh2" % (p.login, p.ip4, random.randint(30000, 60000)),
        " pam_unix(cron:session): session opened for user root(uid=0) by (uid=0)",
        " postfix/smtpd[%d]: NOQUEUE: reject: RCPT from unknown[%s]: 554 5.7.1 <%s>: Relay access denied" % (random.randint(100, 9999), p.ip4, p.email),
        " dovecot: imap-login: Login: user=<%s>, method=PLAIN, rip=%s, lip=10.0.0.5, TLS" % (p.email, p.ip4),
        " kernel: [UFW BLOCK] IN=eth0 OUT= SRC=%s DST=10.0.0.5 PROTO=TCP DPT=23" % FR.ipv4_public()])


RS = {
    "app": "rsyslog",
    "rows": {"SystemEvents": 60, "SystemEventsProperties": 5},
    "cols": {
        "systemevents.customerid": T("id", const(None)), "systemevents.fromhost": T("hostname", lambda p, i, c: random.choice(HOSTS)),
        "systemevents.message": P("log-message-with-users-and-ips", syslog_msg), "systemevents.facility": T("enum", choice(4, 10, 2, 3)), "systemevents.priority": T("enum", choice(6, 5, 3)),
        "systemevents.ntseverity": T("enum", const(None)), "systemevents.importance": T("enum", const(None)), "systemevents.eventsource": T("event-source", const(None)),
        "systemevents.eventuser": P("username-windows-event", const(None)), "systemevents.eventcategory": T("enum", const(None)), "systemevents.eventid": T("id", const(None)),
        "systemevents.eventbinarydata": T("binary-text", const(None)), "systemevents.maxavailable": T("counter", const(None)), "systemevents.currusage": T("counter", const(None)),
        "systemevents.minusage": T("counter", const(None)), "systemevents.maxusage": T("counter", const(None)), "systemevents.infounitid": T("enum", const(1)),
        "systemevents.syslogtag": T("syslog-tag", lambda p, i, c: random.choice(["sshd[%d]:" % random.randint(100, 9999), "postfix/smtpd[812]:", "kernel:", "dovecot:"])),
        "systemevents.eventlogtype": T("enum", const(None)), "systemevents.genericfilename": T("file-name", const(None)), "systemevents.systemid": T("id", const(None)),
        "systemeventsproperties.systemeventid": T("fk-logical"), "systemeventsproperties.paramname": T("setting-name", const("programname")), "systemeventsproperties.paramvalue": T("setting-value", const("sshd")),
    },
}
if __name__ == "__main__":
    for s in (SA, PD, GA, CO, GN, RS):
        if len(sys.argv) < 2 or s["app"] in sys.argv[1:]:
            build(s)

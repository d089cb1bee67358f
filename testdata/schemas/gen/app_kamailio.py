import sys, os, random, hashlib
sys.path.insert(0, os.path.dirname(__file__))
from common import *

DOM = "sip.example.fr"


def ext(p):
    return p.login.replace(".", "")[:20]


def sub_hook(row, p, i, c):
    pw = pw_clear()
    row["username"] = ext(p)
    row["domain"] = DOM
    row["password"] = pw
    row["ha1"] = hashlib.md5(("%s:%s:%s" % (row["username"], DOM, pw)).encode()).hexdigest()
    row["ha1b"] = hashlib.md5(("%s@%s:%s:%s" % (row["username"], DOM, DOM, pw)).encode()).hexdigest()


def uri(p):
    return "sip:%s@%s" % (ext(p), DOM)


def other(c, k=3):
    return c["people"][(c["i"] + k + 7 * (c["i"] // len(c["people"]))) % len(c["people"])]


def callid(p, i, c):
    return "%s@%s" % (hexs(24), random.choice(["192.168.1.%d" % random.randint(2, 250), "10.0.0.%d" % random.randint(2, 250)]))


def contact(p, i, c):
    return "sip:%s@%s:%d;transport=udp" % (ext(p), p.ip4, random.choice([5060, 5062, 49152 + i]))


SIPUA = ["Linphone/5.2.0 (belle-sip/5.2.0)", "Zoiper rv2.10.19.4", "Yealink SIP-T46S 66.86.0.15", "MicroSIP/3.21.3", "Grandstream GXP2170 1.0.11.23", "Obi200/3.2.2"]


def pidf(p, i, c):
    return '<?xml version="1.0" encoding="UTF-8"?><presence xmlns="urn:ietf:params:xml:ns:pidf" entity="%s"><tuple id="t%s"><status><basic>open</basic></status><note>%s</note></tuple></presence>' % (uri(p), hexs(6), random.choice(["En réunion", "Disponible", "Au téléphone", "Absent jusqu'à 14h"]))


def trace_msg(p, i, c):
    o = other(c)
    return "INVITE sip:%s@%s SIP/2.0\r\nVia: SIP/2.0/UDP %s:5060;branch=z9hG4bK%s\r\nFrom: \"%s\" <%s>;tag=%s\r\nTo: <sip:%s@%s>\r\nCall-ID: %s\r\nCSeq: 1 INVITE\r\nUser-Agent: %s\r\nContent-Length: 0\r\n\r\n" % (
        ext(o), DOM, p.ip4, hexs(10), p.full, uri(p), hexs(8), ext(o), DOM, hexs(20), random.choice(SIPUA))


SPEC = {
    "app": "kamailio",
    "rows": {"subscriber": 40, "version": 0, "acc": 50, "missed_calls": 20, "acc_cdrs": 20, "location": 30, "location_attrs": 10,
             "dbaliases": 20, "grp": 25, "re_grp": 3, "domain": 2, "domain_attrs": 3, "address": 4, "trusted": 3, "silo": 15,
             "sip_trace": 30, "speed_dial": 20, "userblocklist": 10, "globalblocklist": 5, "dialog": 12, "dialog_vars": 12,
             "presentity": 20, "active_watchers": 15, "watchers": 15, "xcap": 8, "pua": 6, "uacreg": 4, "usr_preferences": 25,
             "dispatcher": 3, "htable": 5},
    "row_hook": {"subscriber": sub_hook},
    "cols": {
        "subscriber.username": ("personal", "sip-username", None), "subscriber.domain": ("technical", "domain", None),
        "subscriber.password": ("credential", "password-clear", None), "subscriber.ha1": ("credential", "password-hash-md5-ha1", None),
        "subscriber.ha1b": ("credential", "password-hash-md5-ha1b", None),
        "acc.method": ("technical", "sip-method", choice("INVITE", "BYE", "MESSAGE")), "acc.from_tag": ("technical", "sip-tag", lambda p, i, c: hexs(10)),
        "acc.to_tag": ("technical", "sip-tag", lambda p, i, c: hexs(10)), "acc.callid": ("technical", "call-id", callid),
        "acc.sip_code": ("technical", "enum", choice("200", "486", "404", "487")), "acc.sip_reason": ("technical", "enum", choice("OK", "Busy Here", "Not Found")),
        "acc.time": ("technical", "timestamp", "ts"),
        "missed_calls.method": ("technical", "sip-method", const("INVITE")), "missed_calls.from_tag": ("technical", "sip-tag", lambda p, i, c: hexs(10)),
        "missed_calls.to_tag": ("technical", "sip-tag", lambda p, i, c: hexs(10)), "missed_calls.callid": ("technical", "call-id", callid),
        "missed_calls.sip_code": ("technical", "enum", choice("486", "480", "408")), "missed_calls.sip_reason": ("technical", "enum", choice("Busy Here", "Temporarily Unavailable")),
        "acc_cdrs.duration": ("technical", "duration", lambda p, i, c: round(random.uniform(3, 1800), 3)),
        "location.ruid": ("technical", "record-id", lambda p, i, c: "uloc-%s-%x-%d" % (hexs(8), random.getrandbits(16), i)),
        "location.username": ("personal", "sip-username", lambda p, i, c: ext(p)), "location.domain": ("technical", "domain", const(DOM)),
        "location.contact": ("personal", "sip-contact-uri-with-ip", contact), "location.received": ("personal", "sip-received-ip", lambda p, i, c: "sip:%s:%d" % (p.ip4, random.randint(1024, 65000))),
        "location.path": ("technical", "sip-path", const("")), "location.callid": ("technical", "call-id", callid),
        "location.user_agent": ("personal", "user-agent", lambda p, i, c: random.choice(SIPUA)), "location.socket": ("technical", "socket", const("udp:203.0.113.5:5060")),
        "location.instance": ("personal", "device-instance-id", lambda p, i, c: "<urn:uuid:%s>" % FR.uuid4()),
        "location_attrs.ruid": ("technical", "record-id", lambda p, i, c: "uloc-%s" % hexs(8)), "location_attrs.username": ("personal", "sip-username", lambda p, i, c: ext(p)),
        "location_attrs.domain": ("technical", "domain", const(DOM)), "location_attrs.aname": ("technical", "attr-name", const("tcpconn")),
        "location_attrs.avalue": ("technical", "attr-value", lambda p, i, c: str(random.randint(1, 900))),
        "dbaliases.alias_username": ("personal", "phone-number-alias", lambda p, i, c: p.e164.replace("+", "00")), "dbaliases.alias_domain": ("technical", "domain", const(DOM)),
        "dbaliases.username": ("personal", "sip-username", lambda p, i, c: ext(p)), "dbaliases.domain": ("technical", "domain", const(DOM)),
        "grp.username": ("personal", "sip-username", lambda p, i, c: ext(p)), "grp.domain": ("technical", "domain", const(DOM)),
        "grp.grp": ("technical", "group-name", choice("local", "ld", "int", "voicemail")),
        "re_grp.reg_exp": ("technical", "regex", lambda p, i, c: ["^sip:[0-9]{4}@", "^sip:00", "^sip:\\+33"][i]),
        "domain.domain": ("technical", "domain", lambda p, i, c: [DOM, "voip.example.org"][i]), "domain.did": ("technical", "domain-id", lambda p, i, c: "d%d" % i),
        "domain_attrs.did": ("technical", "domain-id", const("d0")), "domain_attrs.name": ("technical", "attr-name", lambda p, i, c: ["realm", "max_calls", "pstn_gw"][i]),
        "domain_attrs.value": ("technical", "attr-value", lambda p, i, c: [DOM, "50", "203.0.113.20"][i]),
        "address.ip_addr": ("technical", "ip-peer", lambda p, i, c: "203.0.113.%d" % (10 + i)), "address.tag": ("technical", "tag", const("carrier")),
        "trusted.src_ip": ("technical", "ip-peer", lambda p, i, c: "198.51.100.%d" % (10 + i)), "trusted.proto": ("technical", "enum", const("udp")),
        "trusted.from_pattern": ("technical", "regex", const("^sip:.*$")), "trusted.ruri_pattern": ("technical", "regex", const("")), "trusted.tag": ("technical", "tag", const("gw")),
        "silo.src_addr": ("personal", "sip-uri", lambda p, i, c: uri(p)), "silo.dst_addr": ("personal", "sip-uri", lambda p, i, c: uri(other(c))),
        "silo.username": ("personal", "sip-username", lambda p, i, c: ext(other(c))), "silo.domain": ("technical", "domain", const(DOM)),
        "silo.ctype": ("technical", "mime-type", const("text/plain")), "silo.body": ("personal", "message-body", lambda p, i, c: random.choice(["Tu es dispo pour un appel ?", "Rappelle-moi au " + p.mobile, "Je serai en retard, désolé", "Merci pour hier soir !"])),
        "silo.extra_hdrs": ("technical", "sip-headers", const("")), "silo.callid": ("technical", "call-id", callid),
        "sip_trace.time_stamp": ("technical", "timestamp", "ts"), "sip_trace.callid": ("technical", "call-id", callid),
        "sip_trace.traced_user": ("personal", "sip-uri", lambda p, i, c: uri(p)), "sip_trace.msg": ("personal", "sip-message-raw", trace_msg),
        "sip_trace.method": ("technical", "sip-method", const("INVITE")), "sip_trace.status": ("technical", "enum", const("")),
        "sip_trace.fromip": ("personal", "ip-user", lambda p, i, c: "udp:%s:5060" % p.ip4), "sip_trace.toip": ("technical", "ip-proxy", const("udp:203.0.113.5:5060")),
        "sip_trace.fromtag": ("technical", "sip-tag", lambda p, i, c: hexs(8)), "sip_trace.totag": ("technical", "sip-tag", const("")),
        "sip_trace.direction": ("technical", "enum", choice("in", "out")),
        "speed_dial.username": ("personal", "sip-username", lambda p, i, c: ext(p)), "speed_dial.domain": ("technical", "domain", const(DOM)),
        "speed_dial.sd_username": ("technical", "speed-dial-code", lambda p, i, c: str(i % 9 + 1)), "speed_dial.sd_domain": ("technical", "domain", const(DOM)),
        "speed_dial.new_uri": ("personal", "phone-uri", lambda p, i, c: "sip:%s@%s" % (other(c).e164, DOM)),
        "speed_dial.fname": ("personal", "first-name", lambda p, i, c: other(c).first), "speed_dial.lname": ("personal", "last-name", lambda p, i, c: other(c).last),
        "speed_dial.description": ("personal", "free-text", lambda p, i, c: random.choice(["Maman", "Bureau", "Médecin", "Plombier", "Nounou"])),
        "userblocklist.username": ("personal", "sip-username", lambda p, i, c: ext(p)), "userblocklist.domain": ("technical", "domain", const(DOM)),
        "userblocklist.prefix": ("personal", "phone-number", lambda p, i, c: other(c).e164.replace("+", "00")),
        "globalblocklist.prefix": ("technical", "phone-prefix", lambda p, i, c: ["0899", "0897", "00881", "0036", "1900"][i]),
        "globalblocklist.description": ("technical", "description", const("numéros surtaxés")),
        "dialog.callid": ("technical", "call-id", callid), "dialog.from_uri": ("personal", "sip-uri", lambda p, i, c: uri(p)),
        "dialog.from_tag": ("technical", "sip-tag", lambda p, i, c: hexs(8)), "dialog.to_uri": ("personal", "sip-uri", lambda p, i, c: uri(other(c))),
        "dialog.to_tag": ("technical", "sip-tag", lambda p, i, c: hexs(8)), "dialog.caller_cseq": ("technical", "cseq", const("1")), "dialog.callee_cseq": ("technical", "cseq", const("0")),
        "dialog.caller_route_set": ("technical", "sip-route", const("")), "dialog.callee_route_set": ("technical", "sip-route", const("")),
        "dialog.caller_contact": ("personal", "sip-contact-uri-with-ip", contact), "dialog.callee_contact": ("personal", "sip-contact-uri-with-ip", lambda p, i, c: contact(other(c), i, c)),
        "dialog.caller_sock": ("technical", "socket", const("udp:203.0.113.5:5060")), "dialog.callee_sock": ("technical", "socket", const("udp:203.0.113.5:5060")),
        "dialog.toroute_name": ("technical", "route-name", const("")), "dialog.req_uri": ("personal", "sip-uri", lambda p, i, c: uri(other(c))), "dialog.xdata": ("technical", "data", const("")),
        "dialog_vars.dialog_key": ("technical", "kv-key", const("cdrs")), "dialog_vars.dialog_value": ("technical", "kv-value", lambda p, i, c: str(random.randint(1, 99))),
        "presentity.username": ("personal", "sip-username", lambda p, i, c: ext(p)), "presentity.domain": ("technical", "domain", const(DOM)),
        "presentity.event": ("technical", "enum", const("presence")), "presentity.etag": ("technical", "etag", lambda p, i, c: "a.%s" % hexs(12)),
        "presentity.body": ("personal", "presence-document-with-note", pidf), "presentity.sender": ("personal", "sip-contact-uri-with-ip", contact),
        "presentity.ruid": ("technical", "record-id", lambda p, i, c: "pres-%s" % hexs(10)),
        "active_watchers.presentity_uri": ("personal", "sip-uri", lambda p, i, c: uri(p)), "active_watchers.watcher_username": ("personal", "sip-username", lambda p, i, c: ext(other(c))),
        "active_watchers.watcher_domain": ("technical", "domain", const(DOM)), "active_watchers.to_user": ("personal", "sip-username", lambda p, i, c: ext(p)),
        "active_watchers.to_domain": ("technical", "domain", const(DOM)), "active_watchers.event": ("technical", "enum", const("presence")), "active_watchers.event_id": ("technical", "id", const("")),
        "active_watchers.to_tag": ("technical", "sip-tag", lambda p, i, c: hexs(8)), "active_watchers.from_tag": ("technical", "sip-tag", lambda p, i, c: hexs(8)),
        "active_watchers.callid": ("technical", "call-id", callid), "active_watchers.contact": ("personal", "sip-contact-uri-with-ip", lambda p, i, c: contact(other(c), i, c)),
        "active_watchers.record_route": ("technical", "sip-route", const("")), "active_watchers.reason": ("technical", "enum", const("")),
        "active_watchers.socket_info": ("technical", "socket", const("udp:203.0.113.5:5060")), "active_watchers.local_contact": ("technical", "sip-uri-server", const("sip:203.0.113.5:5060")),
        "active_watchers.from_user": ("personal", "sip-username", lambda p, i, c: ext(other(c))), "active_watchers.from_domain": ("technical", "domain", const(DOM)),
        "active_watchers.user_agent": ("personal", "user-agent", lambda p, i, c: random.choice(SIPUA)),
        "watchers.presentity_uri": ("personal", "sip-uri", lambda p, i, c: uri(p)), "watchers.watcher_username": ("personal", "sip-username", lambda p, i, c: ext(other(c))),
        "watchers.watcher_domain": ("technical", "domain", const(DOM)), "watchers.event": ("technical", "enum", const("presence")), "watchers.reason": ("technical", "enum", const("")),
        "xcap.username": ("personal", "sip-username", lambda p, i, c: ext(p)), "xcap.domain": ("technical", "domain", const(DOM)),
        "xcap.doc": ("personal", "xcap-document-buddy-list", lambda p, i, c: '<?xml version="1.0"?><resource-lists><list name="amis"><entry uri="%s"><display-name>%s</display-name></entry></list></resource-lists>' % (uri(other(c)), other(c).full)),
        "xcap.etag": ("technical", "etag", lambda p, i, c: hexs(12)), "xcap.doc_uri": ("personal", "xcap-uri", lambda p, i, c: "/xcap-root/resource-lists/users/%s/index" % uri(p)),
        "pua.pres_uri": ("personal", "sip-uri", lambda p, i, c: uri(p)), "pua.pres_id": ("technical", "id", lambda p, i, c: "pid_%s" % hexs(8)),
        "pua.etag": ("technical", "etag", lambda p, i, c: hexs(10)), "pua.tuple_id": ("technical", "id", lambda p, i, c: hexs(8)),
        "pua.watcher_uri": ("personal", "sip-uri", lambda p, i, c: uri(other(c))), "pua.call_id": ("technical", "call-id", callid),
        "pua.to_tag": ("technical", "sip-tag", lambda p, i, c: hexs(8)), "pua.from_tag": ("technical", "sip-tag", lambda p, i, c: hexs(8)),
        "pua.record_route": ("technical", "sip-route", const("")), "pua.contact": ("personal", "sip-contact-uri-with-ip", contact),
        "pua.remote_contact": ("personal", "sip-contact-uri-with-ip", lambda p, i, c: contact(other(c), i, c)), "pua.extra_headers": ("technical", "sip-headers", const("")),
        "uacreg.l_uuid": ("technical", "uuid", lambda p, i, c: "trunk%d" % i), "uacreg.l_username": ("technical", "trunk-local-user", lambda p, i, c: "trunk%d" % i),
        "uacreg.l_domain": ("technical", "domain", const(DOM)), "uacreg.r_username": ("technical", "provider-account-number", lambda p, i, c: "09%08d" % random.randint(0, 99999999)),
        "uacreg.r_domain": ("technical", "domain", const("sip.ovh.fr")), "uacreg.realm": ("technical", "realm", const("sip.ovh.fr")),
        "uacreg.auth_username": ("technical", "provider-account-login", lambda p, i, c: "0033972%06d" % random.randint(0, 999999)),
        "uacreg.auth_password": ("credential", "password-clear", lambda p, i, c: pw_clear()), "uacreg.auth_ha1": ("credential", "password-hash-md5-ha1", lambda p, i, c: ""),
        "uacreg.auth_proxy": ("technical", "sip-uri-server", const("sip:sip.ovh.fr")), "uacreg.contact_addr": ("technical", "sip-uri-server", const("203.0.113.5:5060")),
        "uacreg.socket": ("technical", "socket", const("")),
        "usr_preferences.uuid": ("technical", "uuid", lambda p, i, c: str(i + 1)), "usr_preferences.username": ("personal", "sip-username", lambda p, i, c: ext(p)),
        "usr_preferences.domain": ("technical", "domain", const(DOM)),
        "usr_preferences.attribute": ("technical", "kv-attribute-name", lambda p, i, c: ["callfwd", "voicemail", "lang", "cfb", "cfna"][i % 5]),
        "usr_preferences.value": ("personal", "kv-value-forward-numbers", lambda p, i, c: [("sip:%s@%s" % (p.e164, DOM)), "1", "fr", p.e164, p.e164][i % 5]),
        "dispatcher.destination": ("technical", "sip-uri-server", lambda p, i, c: "sip:10.0.1.%d:5060" % (i + 10)), "dispatcher.attrs": ("technical", "setting", const("weight=50")),
        "dispatcher.description": ("technical", "description", const("media server")),
        "htable.key_name": ("technical", "kv-key", lambda p, i, c: "ipban::%s" % FR.ipv4_public()), "htable.key_value": ("technical", "kv-value", const("1")),
        "version.table_name": ("technical", "table-name", None),
    },
}
if __name__ == "__main__":
    build(SPEC)

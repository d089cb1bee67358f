import sys, os, random
sys.path.insert(0, os.path.dirname(__file__))
from common import *

# attribute-driven radcheck: the password form depends on the attribute name (as FreeRADIUS rlm_pap reads them)
CHECK_ATTRS = ["Cleartext-Password"] * 17 + ["Crypt-Password"] * 8 + ["NT-Password"] * 5 + ["MD5-Password"] * 4 + ["SSHA-Password"] * 2 + ["Simultaneous-Use", "Expiration", "Auth-Type", "Login-Time"]
random.seed(7)
random.shuffle(CHECK_ATTRS)


def radcheck_hook(row, p, i, ctx):
    a = CHECK_ATTRS[i]
    row["attribute"] = a
    row["username"] = ctx["people"][i % len(ctx["people"])].login
    pw = pw_clear()
    row["op"] = ":="
    if a == "Cleartext-Password":
        row["value"] = pw
    elif a == "Crypt-Password":
        row["value"] = h_sha512crypt(pw) if i % 2 else h_md5crypt(pw)
    elif a == "NT-Password":
        row["value"] = h_nt(pw)
    elif a == "MD5-Password":
        row["value"] = h_md5(pw)
    elif a == "SSHA-Password":
        row["value"] = h_ssha(pw)
    elif a == "Simultaneous-Use":
        row["value"] = "1"
    elif a == "Expiration":
        row["value"] = "31 Dec 2027 23:59"
    elif a == "Auth-Type":
        row["value"] = "Reject"
    else:
        row["value"] = "Wk0800-1800"


REPLY = [("Framed-IP-Address", lambda: FR.ipv4_private()), ("Reply-Message", lambda: "Bienvenue sur le réseau"),
         ("Session-Timeout", lambda: "3600"), ("Framed-Pool", lambda: "pool-clients"), ("Idle-Timeout", lambda: "600"),
         ("Tunnel-Private-Group-Id", lambda: str(random.choice([10, 20, 30])))]


def radreply_hook(row, p, i, ctx):
    a, f = REPLY[i % len(REPLY)]
    row["username"] = ctx["people"][i % 20].login
    row["attribute"], row["op"], row["value"] = a, ":=" if a != "Reply-Message" else "=", f()


GROUPS = ["etudiants", "personnel", "invites", "wifi-vip"]


def grp_check(row, p, i, ctx):
    a = [("Simultaneous-Use", "2"), ("Auth-Type", "Accept"), ("Max-Daily-Session", "28800"), ("Login-Time", "Al0700-2200")][i % 4]
    row["groupname"], row["attribute"], row["op"], row["value"] = GROUPS[i % 4], a[0], ":=", a[1]


def grp_reply(row, p, i, ctx):
    a = [("Session-Timeout", "7200"), ("Tunnel-Type", "VLAN"), ("Tunnel-Medium-Type", "IEEE-802"), ("Tunnel-Private-Group-Id", "20"), ("Acct-Interim-Interval", "300")][i % 5]
    row["groupname"], row["attribute"], row["op"], row["value"] = GROUPS[i % 4], a[0], "=", a[1]


NAS = ["192.0.2.1", "192.0.2.2", "198.51.100.10"]


def acct_hook(row, p, i, ctx):
    start = ts(300)
    dur = random.randint(60, 40000)
    import datetime as d
    row["acctstarttime"] = start
    row["acctupdatetime"] = start + d.timedelta(seconds=dur)
    row["acctstoptime"] = start + d.timedelta(seconds=dur) if i % 5 else None
    row["acctsessiontime"] = dur
    row["acctinterval"] = 300
    row["nasipaddress"] = NAS[i % 3]
    row["framedipaddress"] = "10.%d.%d.%d" % (random.randint(0, 3), random.randint(0, 255), random.randint(2, 254))
    row["framedipv6address"] = None
    row["framedipv6prefix"] = None
    row["delegatedipv6prefix"] = None


SPEC = {
    "app": "freeradius",
    "rows": {"radcheck": 40, "radreply": 18, "radusergroup": 30, "radacct": 50, "radpostauth": 45, "radgroupcheck": 4, "radgroupreply": 5, "nas": 3, "nasreload": 3},
    "row_hook": {"radcheck": radcheck_hook, "radreply": radreply_hook, "radgroupcheck": grp_check, "radgroupreply": grp_reply, "radacct": acct_hook},
    "cols": {
        "radcheck.username": ("personal", "username", "login"),
        "radcheck.value": ("credential", "kv-value-password", None),
        "radcheck.attribute": ("technical", "kv-attribute-name", None),
        "radcheck.op": ("technical", "operator", None),
        "radreply.username": ("personal", "username", "login"),
        "radreply.attribute": ("technical", "kv-attribute-name", None),
        "radreply.value": ("technical", "kv-value-reply-attrs", None),
        "radreply.op": ("technical", "operator", None),
        "radgroupcheck.groupname": ("technical", "group-name", None),
        "radgroupcheck.attribute": ("technical", "kv-attribute-name", None),
        "radgroupcheck.value": ("technical", "kv-value", None),
        "radgroupcheck.op": ("technical", "operator", None),
        "radgroupreply.groupname": ("technical", "group-name", None),
        "radgroupreply.attribute": ("technical", "kv-attribute-name", None),
        "radgroupreply.value": ("technical", "kv-value", None),
        "radgroupreply.op": ("technical", "operator", None),
        "radusergroup.username": ("personal", "username", "login"),
        "radusergroup.groupname": ("technical", "group-name", lambda p, i, c: random.choice(GROUPS)),
        "radusergroup.priority": ("technical", "priority", lambda p, i, c: 1),
        "radacct.acctsessionid": ("technical", "session-id-accounting", lambda p, i, c: "%08X" % random.getrandbits(32)),
        "radacct.acctuniqueid": ("technical", "accounting-unique-id", lambda p, i, c: hexs(32)),
        "radacct.username": ("personal", "username", "login"),
        "radacct.realm": ("technical", "realm", lambda p, i, c: random.choice(["", "example.fr"])),
        "radacct.nasipaddress": ("technical", "ip-nas", None),
        "radacct.nasportid": ("technical", "port", lambda p, i, c: "eth0/%d" % random.randint(1, 48)),
        "radacct.nasporttype": ("technical", "enum", lambda p, i, c: random.choice(["Wireless-802.11", "Ethernet", "Virtual"])),
        "radacct.acctauthentic": ("technical", "enum", const("RADIUS")),
        "radacct.connectinfo_start": ("technical", "link-info", const("CONNECT 54Mbps 802.11g")),
        "radacct.connectinfo_stop": ("technical", "link-info", const("")),
        "radacct.acctinputoctets": ("technical", "counter", lambda p, i, c: random.randint(1000, 10**9)),
        "radacct.acctoutputoctets": ("technical", "counter", lambda p, i, c: random.randint(1000, 10**9)),
        "radacct.calledstationid": ("technical", "ap-mac-ssid", lambda p, i, c: "00-1A-2B-3C-4D-%02X:eduroam" % random.randint(0, 255)),
        "radacct.callingstationid": ("personal", "device-mac", lambda p, i, c: p.mac.upper().replace(":", "-")),
        "radacct.acctterminatecause": ("technical", "enum", lambda p, i, c: random.choice(["User-Request", "Idle-Timeout", "Session-Timeout", "Lost-Carrier"])),
        "radacct.servicetype": ("technical", "enum", const("Framed-User")),
        "radacct.framedprotocol": ("technical", "enum", const("PPP")),
        "radacct.framedipaddress": ("personal", "ip-user", None),
        "radacct.framedipv6address": ("personal", "ip-user", None),
        "radacct.framedipv6prefix": ("personal", "ip-user-prefix", None),
        "radacct.framedinterfaceid": ("technical", "interface-id", const("")),
        "radacct.delegatedipv6prefix": ("personal", "ip-user-prefix", None),
        "radacct.class": ("technical", "class-attr", lambda p, i, c: "0x" + hexs(16)),
        "radpostauth.username": ("personal", "username", "login"),
        "radpostauth.pass": ("credential", "password-clear-attempt", lambda p, i, c: pw_clear() if i % 3 else "Chap-Password"),
        "radpostauth.reply": ("technical", "enum", lambda p, i, c: random.choice(["Access-Accept"] * 4 + ["Access-Reject"])),
        "radpostauth.calledstationid": ("technical", "ap-mac-ssid", lambda p, i, c: "00-1A-2B-3C-4D-%02X:eduroam" % random.randint(0, 255)),
        "radpostauth.callingstationid": ("personal", "device-mac", lambda p, i, c: p.mac.upper().replace(":", "-")),
        "radpostauth.authdate": ("technical", "timestamp", "ts"),
        "radpostauth.class": ("technical", "class-attr", lambda p, i, c: "0x" + hexs(16)),
        "nas.nasname": ("technical", "ip-nas", lambda p, i, c: NAS[i % 3]),
        "nas.shortname": ("technical", "name", lambda p, i, c: ["ap-bat-a", "ap-bat-b", "vpn-gw"][i % 3]),
        "nas.type": ("technical", "enum", const("other")),
        "nas.secret": ("credential", "shared-secret", lambda p, i, c: urlsafe(12)),
        "nas.server": ("technical", "virtual-server", const("")),
        "nas.community": ("credential", "snmp-community", const("public")),
        "nas.description": ("technical", "description", const("RADIUS Client")),
        "nas.ports": ("technical", "counter", const(1812)),
        "nasreload.nasipaddress": ("technical", "ip-nas", lambda p, i, c: NAS[i % 3]),
        "nasreload.reloadtime": ("technical", "timestamp", "ts"),
    },
}
if __name__ == "__main__":
    build(SPEC)

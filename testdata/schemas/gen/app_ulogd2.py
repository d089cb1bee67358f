"""ulogd2 2.0.8 (pg, mysql flat schemas, sqlite3 table): netfilter packet and connection logs. Mostly technical;
the source addresses are those of the network's users (LAN clients behind the firewall, by IP and MAC), stored as
inet (PostgreSQL), BINARY(16) (MySQL) or an integer (SQLite), plus NuFW's authenticated user names."""
import sys, os, random, ipaddress
sys.path.insert(0, os.path.dirname(__file__))
from common import *

P = lambda kind, g=None: ("personal", kind, g)
T = lambda kind, g=None: ("technical", kind, g)
GW_MAC = "00:0d:b9:4a:11:02"
SERVERS = ["142.250.179.78", "151.101.2.217", "185.15.58.224", "2a00:1450:4007:80f::200e", "104.16.132.229", "193.252.117.180", "8.8.8.8", "1.1.1.1"]
PUBLIC_IP = "203.0.113.7"  # the firewall's public address (SNAT)


def lan_ip(p):
    return "192.168.1.%d" % (10 + p.idx)


def bin16(ip):
    a = ipaddress.ip_address(ip)
    return (a.packed if a.version == 6 else ipaddress.IPv6Address("::ffff:" + ip).packed)


def pkt_hook(row, p, i, c):
    inbound = i % 10 >= 7  # blocked probes from the Internet towards the firewall
    s = p.ip4 if inbound else lan_ip(p)
    d = PUBLIC_IP if inbound else random.choice(SERVERS[:3] + SERVERS[4:])
    row["ip_saddr_str"], row["ip_daddr_str"] = s, d
    row["ip_saddr_bin"], row["ip_daddr_bin"] = bin16(s), bin16(d)
    row["oob_family"], row["ip_protocol"] = 2, random.choice([6, 6, 17, 1])
    row["oob_prefix"] = "DROP-IN " if inbound else random.choice(["ACCEPT-OUT ", "LOG-WEB "])
    row["oob_in"], row["oob_out"] = ("eth0", "") if inbound else ("eth1", "eth0")
    src_mac = "00:24:d4:%02x:%02x:%02x" % (random.randint(0, 255), random.randint(0, 255), random.randint(0, 255)) if inbound else p.mac
    row["mac_saddr_str"], row["mac_daddr_str"] = src_mac, GW_MAC
    row["mac_str"] = "%s:%s:08:00" % (GW_MAC, src_mac)
    tcp = row["ip_protocol"] == 6
    for k in ("tcp_sport", "tcp_dport", "tcp_seq", "tcp_ackseq", "tcp_window", "tcp_urgp"):
        row[k] = random.randint(1024, 65000) if tcp else None
    if tcp:
        row["tcp_dport"] = random.choice([443, 80, 22, 993, 3389])
    udp = row["ip_protocol"] == 17
    row["udp_sport"], row["udp_dport"], row["udp_len"] = (random.randint(1024, 65000), random.choice([53, 123, 443]), random.randint(30, 500)) if udp else (None, None, None)


def ct_hook(row, p, i, c):
    d = random.choice(SERVERS)
    v6 = ":" in d
    s = "2a01:e0a:1f3:%x::%x" % (random.randint(0, 0xfff), 10 + p.idx) if v6 else lan_ip(p)
    nat = PUBLIC_IP if not v6 else s
    row["orig_ip_saddr_str"], row["orig_ip_daddr_str"], row["reply_ip_saddr_str"], row["reply_ip_daddr_str"] = s, d, d, nat
    row["orig_ip_saddr"], row["orig_ip_daddr"], row["reply_ip_saddr"], row["reply_ip_daddr"] = bin16(s), bin16(d), bin16(d), bin16(nat)
    row["oob_family"] = 10 if v6 else 2


def sqlite_ct_hook(row, p, i, c):
    row["orig_ip_saddr"] = int(ipaddress.IPv4Address(lan_ip(p)))
    row["orig_ip_daddr"] = int(ipaddress.IPv4Address(random.choice([x for x in SERVERS if ":" not in x])))


epoch = lambda p, i, c: int(ts(30).timestamp())
SPEC = {
    "app": "ulogd2",
    "rows": {"_format": 0, "_extensions": 0, "ip_proto": 0, "ulog2": 60, "ulog2_ct": 40, "nufw": 15, "state_t": 20, "ulog_ct": 30, "ulog_pkt": 30},
    "row_hook": {"ulog2": pkt_hook, "ulog2_ct": ct_hook, "ulog_ct": sqlite_ct_hook},
    "cols": {
        "ulog2._id": T("pk", lambda p, i, c: i + 1), "ulog2.oob_time_sec": T("timestamp-epoch", epoch), "ulog2.oob_time_usec": T("number", lambda p, i, c: random.randint(0, 999999)),
        "ulog2.oob_prefix": T("log-prefix"), "ulog2.oob_in": T("interface-name"), "ulog2.oob_out": T("interface-name"),
        "ulog2.ip_saddr_str": P("ip-source (LAN client or remote host)"), "ulog2.ip_saddr_bin": P("ip-source-binary16 (IPv4-mapped IPv6)"),
        "ulog2.ip_daddr_str": T("ip-destination (servers, the firewall)"), "ulog2.ip_daddr_bin": T("ip-destination-binary16"),
        "ulog2.mac_saddr_str": P("mac-of-client-device"), "ulog2.mac_daddr_str": T("mac-of-gateway"), "ulog2.mac_str": P("mac-header (gateway + client MAC)"),
        "ulog2.ip_ttl": T("number", choice(64, 128, 52)), "ulog2.ip_tos": T("number", const(0)),
        "ulog2_ct._ct_id": T("pk", lambda p, i, c: i + 1), "ulog2_ct.orig_ip_saddr_str": P("ip-source-of-connection (LAN client)"), "ulog2_ct.orig_ip_saddr": P("ip-source-binary16"),
        "ulog2_ct.orig_ip_daddr_str": T("ip-server"), "ulog2_ct.orig_ip_daddr": T("ip-server-binary16"), "ulog2_ct.reply_ip_saddr_str": T("ip-server"), "ulog2_ct.reply_ip_saddr": T("ip-server-binary16"),
        "ulog2_ct.reply_ip_daddr_str": T("ip-firewall-public (SNAT), IPv6 client for v6 flows"), "ulog2_ct.reply_ip_daddr": T("ip-firewall-public-binary16"),
        "ulog2_ct.flow_start_sec": T("timestamp-epoch", epoch), "ulog2_ct.flow_end_sec": T("timestamp-epoch", epoch),
        "ulog2_ct.orig_ip_protocol": T("number", choice(6, 17)), "ulog2_ct.reply_ip_protocol": T("number", choice(6, 17)),
        "nufw._nufw_id": T("fk", lambda p, i, c: i + 1), "nufw.username": P("login", lambda p, i, c: p.login[:30]), "nufw.user_id": T("id", lambda p, i, c: 1000 + p.idx),
        "nufw.client_os": T("os-name", choice("Linux 6.1.0-13-amd64", "Windows 10.0.19045", "Darwin 23.1.0")),
        "nufw.client_app": T("program-path", choice("/usr/bin/firefox-esr", "C:\\Program Files\\Mozilla Firefox\\firefox.exe", "/usr/bin/thunderbird", "/usr/bin/ssh")),
        "state_t._state_id": T("fk", lambda p, i, c: i + 1), "state_t.state": T("enum", choice(1, 2, 3)),
        "ulog_ct.orig_ip_saddr": P("ip-source-as-integer (LAN client)"), "ulog_ct.orig_ip_daddr": T("ip-server-as-integer"),
        "ulog_ct.flow_start_sec": T("timestamp-epoch", epoch), "ulog_ct.flow_end_sec": T("timestamp-epoch", epoch),
        "ulog_ct.orig_ip_protocol": T("number", choice(6, 17)), "ulog_ct.orig_l4_dport": T("port", choice(443, 80, 53)),
        "ulog_pkt.oob_prefix": T("log-prefix", choice("DROP-IN ", "ACCEPT-OUT ")), "ulog_pkt.oob_time_sec": T("timestamp-epoch", epoch),
        "ulog_pkt.oob_uid": T("unix-uid (local socket owner)", choice(0, 33, 1000, 1001)), "ulog_pkt.oob_gid": T("unix-gid", choice(0, 33, 1000)),
    },
}
if __name__ == "__main__":
    build(SPEC)

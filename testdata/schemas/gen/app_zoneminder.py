"""ZoneMinder 1.36.33 (mysql): CCTV recorder. Users (bcrypt, legacy MySQL PASSWORD() hashes), PHP sessions, camera
monitors whose RTSP paths embed the camera's credentials, events, filters e-mailing people, logs naming users."""
import sys, os, random, hashlib
sys.path.insert(0, os.path.dirname(__file__))
from common import *

P = lambda kind, g=None: ("personal", kind, g)
T = lambda kind, g=None: ("technical", kind, g)
CR = lambda kind, g=None: ("credential", kind, g)
CAMS = ["Entrée", "Parking", "Portail", "Accueil", "Couloir RDC", "Quai livraison", "Caisse 1", "Jardin"]


def bcrypt10(pw):
    import bcrypt
    return "$2y$" + bcrypt.hashpw(pw.encode(), bcrypt.gensalt(rounds=10)).decode()[4:]


def mysql41(pw):
    # MySQL PASSWORD(): '*' + upper(hex(sha1(sha1(pw)))) - what ZoneMinder stored before it moved to bcrypt
    return "*" + hashlib.sha1(hashlib.sha1(pw.encode()).digest()).hexdigest().upper()


def user_pw(p, i, c):
    return mysql41(pw_clear()) if i % 4 == 3 else bcrypt10(pw_clear())


def cam_ip(i):
    return "192.168.10.%d" % (64 + i)


def monitor_hook(row, p, i, c):
    if i % 4 == 0:
        row["type"], row["host"], row["port"], row["user"], row["pass"], row["secondpath"] = "Local", "", "", "", "", ""
        row["path"] = "/dev/video0"
    else:
        row["type"] = "Ffmpeg"
        row["path"] = "rtsp://%s:%s@%s:554/Streaming/Channels/101" % (row["user"], row["pass"], cam_ip(i))
        row["secondpath"] = "rtsp://%s:%s@%s:554/Streaming/Channels/102" % (row["user"], row["pass"], cam_ip(i)) if i % 2 else ""


def session_data(p, i, c):
    u = c["generated"]["users"][i % len(c["generated"]["users"])]
    user = {"Id": str(u["id"]), "Username": u["username"], "Password": u["password"], "Language": "fr_fr", "Enabled": "1", "Stream": "View", "Events": "Edit",
            "Control": "View", "Monitors": "View", "Groups": "View", "Devices": "None", "Snapshots": "View", "System": "None", "MaxBandwidth": "", "MonitorIds": "", "APIEnabled": "1"}
    parts = ["zmSkin|" + php_serialize("classic"), "zmCSS|" + php_serialize("base"), "user|" + php_serialize(user), "username|" + php_serialize(u["username"]),
             "remoteAddr|" + php_serialize(p.ip4), "AuthHash" + hexs(8) + "|" + php_serialize(hexs(32)), "AuthHashGeneratedAt|" + php_serialize(int(ts(2).timestamp()))]
    return "".join(parts)


def log_msg(p, i, c):
    u = c["people"][(i * 7) % 20].login[:32]  # users.username of the first 20 people
    return random.choice(['Login successful for user "%s"' % u, 'Login denied for user "%s"' % u, "Could not retrieve user %s details" % u,
                          "User %s (%s) deleted event %d" % (u, p.ip4, random.randint(1000, 9999)), "Monitor 3: Unable to open input rtsp://%s:554/Streaming/Channels/101" % cam_ip(3),
                          "Event %d closed, %d frames" % (random.randint(1000, 9999), random.randint(20, 900)), "Signal lost on monitor 2 'Parking'"])


SNAP = ["Intrusion parking nuit du 12 mars - transmis à la gendarmerie", "Vol à l'étalage caisse 1, client identifié par Mme %s", "Accrochage véhicule de M. %s sur le parking",
        "Livraison refusée, chauffeur agressif", "Dégradation portail - plainte déposée par %s"]


def snap_desc(p, i, c):
    t = random.choice(SNAP)
    return t % p.last if "%s" in t else t


def event_notes(p, i, c):
    return random.choice(["Motion: %s" % random.choice(CAMS), "Motion: All", "Forced Web: %s" % c["people"][i % 20].login[:32], "Signal: Reacquired"])


SPEC = {
    "app": "zoneminder",
    "fks": {("events", "monitorid"): ("monitors", "id"), ("filters", "userid"): ("users", "id"), ("snapshots", "createdby"): ("users", "id"),
            ("monitors", "serverid"): ("servers", "id"), ("monitors", "storageid"): ("storage", "id"), ("logs", "serverid"): ("servers", "id"),
            ("event_summaries", "monitorid"): ("monitors", "id"), ("monitor_status", "monitorid"): ("monitors", "id"), ("controlpresets", "monitorid"): ("monitors", "id"),
            ("triggersx10", "monitorid"): ("monitors", "id"), ("models", "manufacturerid"): ("manufacturers", "id"), ("events", "storageid"): ("storage", "id"),
            ("events_hour", "eventid"): ("events", "id"), ("events_day", "eventid"): ("events", "id"), ("events_week", "eventid"): ("events", "id"),
            ("events_month", "eventid"): ("events", "id"), ("events_archived", "eventid"): ("events", "id"), ("sessions", "id"): ("users", "id")},  # sessions.id -> users: ordering only (its data embeds a users row)
    "fk_by_colname": {"monitorid": ("monitors", "id")},
    "rows": {"config": 0, "controls": 0, "monitorpresets": 0, "zonepresets": 0, "states": 0, "montagelayouts": 0,
             "users": 20, "sessions": 15, "monitors": 8, "events": 50, "frames": 40, "logs": 50, "filters": 3, "snapshots": 6, "snapshot_events": 10,
             "groups": 3, "groups_monitors": 8, "zones": 8, "stats": 5, "servers": 2, "storage": 1, "event_summaries": 8, "monitor_status": 8,
             "events_hour": 5, "events_day": 5, "events_week": 5, "events_month": 5, "events_archived": 3, "devices": 1, "maps": 1, "manufacturers": 3, "models": 3,
             "controlpresets": 3, "triggersx10": 1},
    "row_hook": {"monitors": monitor_hook},
    "cols": {
        "users.id": T("pk", lambda p, i, c: i + 2), "users.username": P("login", lambda p, i, c: p.login[:32]),
        "users.password": CR("password-hash-bcrypt ($2y$), some legacy MySQL PASSWORD() '*'+40 hex", user_pw), "users.language": T("locale", choice("", "fr_fr", "en_gb")),
        "users.maxbandwidth": T("enum", const("")), "users.monitorids": T("id-list", choice("", "1,2,3")), "users.homeview": T("url-path", const("")), "users.tokenminexpiry": T("number", const(0)),
        "sessions.id": CR("session-id", lambda p, i, c: hexs(26)), "sessions.access": T("timestamp-epoch", lambda p, i, c: int(ts(3).timestamp())),
        "sessions.data": CR("session-data-php (user row with password hash, auth hash)", session_data),
        "monitors.id": T("pk", lambda p, i, c: i + 1), "monitors.name": T("camera-name", lambda p, i, c: CAMS[i]),
        "monitors.notes": T("notes-of-a-camera", choice("", "Caméra Hikvision DS-2CD2043, firmware 5.5", "Remplacée en mars, objectif 2.8mm")),
        "monitors.onvif_url": T("device-url", lambda p, i, c: "http://%s/onvif/device_service" % cam_ip(i) if i % 4 else ""),
        "monitors.onvif_username": T("device-account-name", lambda p, i, c: "admin" if i % 4 else ""), "monitors.onvif_password": CR("device-password-clear", lambda p, i, c: pw_clear() if i % 4 else ""),
        "monitors.onvif_options": T("setting", const("")),
        "monitors.host": T("ip-camera", lambda p, i, c: cam_ip(i)), "monitors.port": T("port", const("554")), "monitors.subpath": T("url-path", const("")),
        "monitors.user": T("device-account-name", choice("admin", "zoneminder", "viewer")), "monitors.pass": CR("device-password-clear", lambda p, i, c: pw_clear()),
        "monitors.path": CR("stream-url-with-embedded-credentials (rtsp://user:pass@ip)", None), "monitors.secondpath": CR("stream-url-with-embedded-credentials", None),
        "monitors.device": T("device-path", const("/dev/video0")), "monitors.latitude": T("device-geolocation", lambda p, i, c: round(random.uniform(45.7, 45.8), 6)),
        "monitors.longitude": T("device-geolocation", lambda p, i, c: round(random.uniform(4.8, 4.9), 6)), "monitors.controlid": T("fk", const(None)),
        "monitors.linkedmonitors": T("id-list", const("")), "monitors.rtspstreamname": T("stream-name", lambda p, i, c: "cam%d" % (i + 1)),
        "monitors.labelformat": T("format", const("%N - %d/%m/%y %H:%M:%S")), "monitors.eventprefix": T("prefix", const("Event-")),
        "monitors.webcolour": T("colour", const("#ff0000")), "monitors.signalcheckcolour": T("colour", const("#0000BE")),
        "events.id": T("pk", lambda p, i, c: 1000 + i), "events.name": T("event-name", lambda p, i, c: "Event-%d" % (1000 + i)), "events.cause": T("enum", choice("Motion", "Motion", "Forced Web", "Signal", "Continuous")),
        "events.notes": T("event-cause-detail (zone names; 'Forced Web' names the operator)", event_notes), "events.defaultvideo": T("file-name", lambda p, i, c: "%d-video.mp4" % (1000 + i)),
        "events.length": T("duration", lambda p, i, c: round(random.uniform(5, 90), 2)),
        "frames.type": T("enum", choice("Normal", "Alarm", "Bulk")), "frames.delta": T("duration", lambda p, i, c: round(random.uniform(0, 60), 2)),
        "logs.timekey": T("timestamp-epoch-decimal", lambda p, i, c: round(ts().timestamp(), 6)), "logs.component": T("enum", choice("web_php", "zmc_m2", "zma_m3", "zmdc", "zmfilter_1")),
        "logs.pid": T("pid", lambda p, i, c: random.randint(300, 40000)), "logs.level": T("enum", choice(0, 1, -1, -2)), "logs.code": T("enum", choice("INF", "WAR", "ERR", "DB1")),
        "logs.message": P("log-line-naming-users-and-ips", log_msg), "logs.file": T("file-path", choice("/usr/share/zoneminder/www/includes/auth.php", "zm_monitor.cpp", "zm_event.cpp")),
        "logs.line": T("number", lambda p, i, c: random.randint(10, 3000)),
        "filters.id": T("pk", lambda p, i, c: i + 3), "filters.name": T("filter-name", lambda p, i, c: ["Alerte nuit parking", "Archivage incidents", "Mail intrusion"][i]),
        "filters.query_json": T("json-query", const('{"terms":[{"attr":"MonitorId","op":"=","val":"2"},{"cnj":"and","attr":"Cause","op":"=","val":"Motion"}],"sort_field":"Id","sort_asc":0}')),
        "filters.emailto": P("email-recipients", lambda p, i, c: ", ".join(x.work_email for x in random.sample(c["people"], 2))),
        "filters.emailsubject": T("template", const("ZoneMinder: Alarm - %MN%-%EI% (%ESM% - %ESA% %EFA%)")),
        "filters.emailbody": T("template", const("Hello,\n\nAn alarm has been detected on your installation of the ZoneMinder.\n\nThe details are as follows :-\n\n  Monitor  : %MN%\n  Event Id : %EI%\n  Length   : %EL%\n\nThis alarm was matched by the %FN% filter and can be viewed at %EPS%\n\nZoneMinder")),
        "filters.autoexecutecmd": T("command", const("")),
        "snapshots.name": T("label", lambda p, i, c: "Incident %d" % (i + 1)), "snapshots.description": P("incident-description-naming-people", snap_desc),
        "servers.id": T("pk", lambda p, i, c: i + 1), "servers.hostname": T("hostname", lambda p, i, c: "zm%d.example.fr" % (i + 1)), "servers.name": T("server-name", lambda p, i, c: "zm%d" % (i + 1)),
        "servers.protocol": T("enum", const("https")), "servers.pathtoindex": T("url-path", const("/zm/index.php")), "servers.pathtozms": T("url-path", const("/zm/cgi-bin/nph-zms")), "servers.pathtoapi": T("url-path", const("/zm/api")),
        "storage.id": T("pk", lambda p, i, c: i + 2), "storage.path": T("file-path", const("/srv/zoneminder/events")), "storage.name": T("label", const("NAS")), "storage.type": T("enum", const("local")),
        "storage.url": T("url", const(None)), "storage.serverid": T("fk", const(1)),
        "groups.name": T("group-name", lambda p, i, c: ["Extérieur", "Intérieur", "Magasin"][i]), "groups.parentid": T("fk", const(None)),
        "zones.name": T("zone-name", choice("All", "Porte", "Allée")), "zones.coords": T("polygon", const("0,0 1919,0 1919,1079 0,1079")),
        "devices.name": T("device-name", const("Lampe jardin")), "devices.keystring": T("x10-key", const("A1")),
        "maps.name": T("label", const("Plan RDC")), "maps.filename": T("file-name", const("plan-rdc.png")), "maps.coords": T("polygon", const("")),
        "manufacturers.name": T("label", lambda p, i, c: ["Hikvision", "Axis", "Dahua"][i]), "models.name": T("label", lambda p, i, c: ["DS-2CD2043G2", "M3045-V", "IPC-HDW2431T"][i]),
        "controlpresets.label": T("label", choice("Portail", "Vue large")),
        "triggersx10.activation": T("x10-key", const("")), "triggersx10.alarminput": T("x10-key", const("")), "triggersx10.alarmoutput": T("x10-key", const("")),
    },
}
if __name__ == "__main__":
    build(SPEC)

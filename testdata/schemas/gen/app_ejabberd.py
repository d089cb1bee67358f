import sys, os, random, hashlib, hmac, base64
sys.path.insert(0, os.path.dirname(__file__))
from common import *

H = "example.org"


def jid(p):
    return "%s@%s" % (p.login, H)


def o(c, k=5):
    return c["people"][(c["i"] + k + 7 * (c["i"] // len(c["people"]))) % len(c["people"])]


def users_hook(row, p, i, c):
    pw = pw_clear()
    if i % 2 == 0:  # auth_password_format: plain
        row["password"], row["serverkey"], row["salt"], row["iterationcount"] = pw, "", "", 0
    else:  # auth_password_format: scram (sha-1)
        salt = os.urandom(16)
        salted = hashlib.pbkdf2_hmac("sha1", pw.encode(), salt, 4096)
        ck = hmac.new(salted, b"Client Key", "sha1").digest()
        sk = hmac.new(salted, b"Server Key", "sha1").digest()
        row["password"] = base64.b64encode(hashlib.sha1(ck).digest()).decode()
        row["serverkey"] = base64.b64encode(sk).decode()
        row["salt"] = base64.b64encode(salt).decode()
        row["iterationcount"] = 4096


def msg_xml(p, i, c, body):
    return '<message xmlns="jabber:client" from="%s/Conversations.%s" to="%s" type="chat" id="%s"><body>%s</body><active xmlns="http://jabber.org/protocol/chatstates"/></message>' % (
        jid(o(c)), hexs(4), jid(p), FR.uuid4(), body)


BODIES = ["On se retrouve à 19h devant le cinéma ?", "Je t'envoie le devis demain matin.", "Mon nouveau numéro : %s", "Bon anniversaire !!",
          "Tu peux récupérer les enfants à l'école ?", "Le code de la porte a changé", "Réunion reportée à jeudi", "Merci pour ton aide hier"]


def arch_hook(row, p, i, c):
    b = random.choice(BODIES)
    if "%s" in b:
        b = b % o(c).mobile
    row["txt"] = b
    row["xml"] = msg_xml(p, i, c, b)


def vcard(p, i, c):
    return '<vCard xmlns="vcard-temp"><FN>%s</FN><N><FAMILY>%s</FAMILY><GIVEN>%s</GIVEN></N><NICKNAME>%s</NICKNAME><EMAIL><USERID>%s</USERID></EMAIL><TEL><CELL/><NUMBER>%s</NUMBER></TEL><BDAY>%s</BDAY><ADR><LOCALITY>%s</LOCALITY><CTRY>%s</CTRY></ADR><PHOTO><TYPE>image/jpeg</TYPE><BINVAL>%s</BINVAL></PHOTO></vCard>' % (
        p.full, p.last, p.first, p.login, p.email, p.mobile, p.birth.isoformat(), p.city, p.country, b64(48))


def vs_hook(row, p, i, c):
    v = {"fn": p.full, "family": p.last, "given": p.first, "middle": "", "nickname": p.login, "bday": p.birth.isoformat(),
         "ctry": p.country, "locality": p.city, "email": p.email, "orgname": random.choice(["", p.company]), "orgunit": ""}
    for k, x in v.items():
        row[k] = x
        row["l" + k] = x.lower()
    row["username"] = p.login
    row["lusername"] = p.login


P = lambda kind, g=None: ("personal", kind, g)
T = lambda kind, g=None: ("technical", kind, g)
CR = lambda kind, g=None: ("credential", kind, g)
login = lambda p, i, c: p.login
ojid = lambda p, i, c: jid(o(c))

SPEC = {
    "app": "ejabberd",
    "rows": {"users": 40, "last": 30, "rosterusers": 60, "rostergroups": 30, "roster_version": 10, "sr_group": 2, "sr_user": 6,
             "spool": 15, "archive": 60, "archive_prefs": 5, "vcard": 25, "vcard_search": 25, "privacy_default_list": 3, "privacy_list": 3,
             "privacy_list_data": 3, "private_storage": 10, "muc_room": 4, "muc_registered": 8, "muc_online_room": 2, "muc_online_users": 6,
             "muc_room_subscribers": 6, "motd": 1, "caps_features": 5, "sm": 12, "oauth_token": 5, "oauth_client": 2, "route": 2, "bosh": 3,
             "proxy65": 2, "push_session": 5, "mix_channel": 2, "mix_participant": 4, "mix_subscription": 4, "mix_pam": 4, "mqtt_pub": 3,
             "pubsub_node": 4, "pubsub_node_option": 6, "pubsub_node_owner": 4, "pubsub_state": 6, "pubsub_item": 8, "pubsub_subscription_opt": 3},
    "row_hook": {"users": users_hook, "archive": arch_hook, "vcard_search": vs_hook},
    "cols": {
        "users.username": P("username", login), "users.password": CR("password-plain-or-scram-storedkey"),
        "users.serverkey": CR("scram-serverkey"), "users.salt": CR("password-salt"), "users.iterationcount": T("counter"),
        "last.username": P("username", login), "last.seconds": T("timestamp-epoch-text", lambda p, i, c: str(int(ts().timestamp()))),
        "last.state": P("free-text-status-message", lambda p, i, c: random.choice(["", "Parti déjeuner", "En congés jusqu'au 12", "Bye"])),
        "rosterusers.username": P("username", login), "rosterusers.jid": P("jid", ojid), "rosterusers.nick": P("nickname", lambda p, i, c: o(c).first),
        "rosterusers.subscription": T("enum", choice("B", "T", "F")), "rosterusers.ask": T("enum", const("N")), "rosterusers.askmessage": P("free-text", const("")),
        "rosterusers.server": T("enum", const("N")), "rosterusers.subscribe": T("setting", const("")), "rosterusers.type": T("enum", const("item")),
        "rostergroups.username": P("username", login), "rostergroups.jid": P("jid", ojid), "rostergroups.grp": T("group-name", choice("Famille", "Travail", "Amis")),
        "roster_version.username": P("username", login), "roster_version.version": T("version", lambda p, i, c: hexs(16)),
        "sr_group.name": T("group-name", lambda p, i, c: ["staff", "support"][i]), "sr_group.opts": T("erlang-term-options", const('[{name, <<"Staff">>}, {displayed_groups, [<<"staff">>]}]')),
        "sr_user.jid": P("jid", lambda p, i, c: jid(p)), "sr_user.grp": T("group-name", const("staff")),
        "spool.username": P("username", login), "spool.xml": P("offline-message-stanza", lambda p, i, c: msg_xml(p, i, c, random.choice(BODIES).replace("%s", o(c).mobile))),
        "archive.username": P("username", login), "archive.timestamp": T("timestamp-microseconds", lambda p, i, c: int(ts().timestamp() * 1e6)),
        "archive.peer": P("jid-with-resource", lambda p, i, c: jid(o(c)) + "/Conversations." + hexs(4)), "archive.bare_peer": P("jid", ojid),
        "archive.xml": P("message-stanza"), "archive.txt": P("message-body"), "archive.kind": T("enum", choice("chat", "groupchat")),
        "archive.nick": P("nickname", lambda p, i, c: ""),
        "archive_prefs.username": P("username", login), "archive_prefs.def": T("setting", const("always")), "archive_prefs.always": T("setting", const("[]")), "archive_prefs.never": T("setting", const("[]")),
        "vcard.username": P("username", login), "vcard.vcard": P("vcard-xml-with-photo", vcard),
        **{"vcard_search." + k: P(kind) for k, kind in [("username", "username"), ("lusername", "username"), ("fn", "full-name"), ("lfn", "full-name"), ("family", "last-name"),
                                                          ("lfamily", "last-name"), ("given", "first-name"), ("lgiven", "first-name"), ("middle", "middle-name"), ("lmiddle", "middle-name"),
                                                          ("nickname", "nickname"), ("lnickname", "nickname"), ("bday", "birth-date"), ("lbday", "birth-date"), ("ctry", "country"),
                                                          ("lctry", "country"), ("locality", "city"), ("llocality", "city"), ("email", "email"), ("lemail", "email")]},
        "vcard_search.orgname": T("organisation-name"), "vcard_search.lorgname": T("organisation-name"), "vcard_search.orgunit": T("organisation-unit"), "vcard_search.lorgunit": T("organisation-unit"),
        "privacy_default_list.username": P("username", login), "privacy_default_list.name": T("list-name", const("bloques")),
        "privacy_list.username": P("username", login), "privacy_list.name": T("list-name", const("bloques")),
        "privacy_list_data.t": T("enum", const("j")), "privacy_list_data.value": P("jid", ojid), "privacy_list_data.action": T("enum", const("d")),
        "private_storage.username": P("username", login), "private_storage.namespace": T("xml-namespace", lambda p, i, c: "storage:bookmarks"),
        "private_storage.data": P("bookmarks-xml", lambda p, i, c: '<storage xmlns="storage:bookmarks"><conference jid="famille@conference.example.org" autojoin="true" name="Famille %s"><nick>%s</nick></conference></storage>' % (p.last, p.first)),
        "muc_room.name": T("room-name", lambda p, i, c: ["asso-velo", "famille-%s" % slug(p.last), "projet-x", "support"][i]), "muc_room.host": T("domain", const("conference." + H)),
        "muc_room.opts": T("erlang-term-room-options", const('[{title,<<"Salon">>},{persistent,true},{public,false},{password_protected,false}]')),
        "muc_registered.jid": P("jid", lambda p, i, c: jid(p)), "muc_registered.host": T("domain", const("conference." + H)), "muc_registered.nick": P("nickname", lambda p, i, c: p.first.lower()),
        "muc_online_room.name": T("room-name", lambda p, i, c: "salon%d" % i), "muc_online_room.host": T("domain", const("conference." + H)), "muc_online_room.node": T("erlang-node", const("ejabberd@localhost")),
        "muc_online_room.pid": T("erlang-pid", lambda p, i, c: "<0.%d.0>" % random.randint(100, 9999)),
        "muc_online_users.username": P("username", login), "muc_online_users.server": T("domain", const(H)), "muc_online_users.resource": T("xmpp-resource", lambda p, i, c: "Conversations." + hexs(4)),
        "muc_online_users.name": T("room-name", const("support")), "muc_online_users.host": T("domain", const("conference." + H)), "muc_online_users.node": T("erlang-node", const("ejabberd@localhost")),
        "muc_room_subscribers.room": T("room-name", const("support")), "muc_room_subscribers.host": T("domain", const("conference." + H)), "muc_room_subscribers.jid": P("jid", lambda p, i, c: jid(p)),
        "muc_room_subscribers.nick": P("nickname", lambda p, i, c: p.first), "muc_room_subscribers.nodes": T("setting", const("urn:xmpp:mucsub:nodes:messages")),
        "motd.username": T("placeholder-empty", const("")), "motd.xml": T("announcement", const('<message><body>Maintenance prévue samedi 8h-10h</body></message>')),
        "caps_features.node": T("caps-node", const("http://conversations.im")), "caps_features.subnode": T("caps-hash", lambda p, i, c: b64(20)), "caps_features.feature": T("xmpp-feature", const("urn:xmpp:jingle:1")),
        "sm.usec": T("timestamp-microseconds", lambda p, i, c: int(ts(1).timestamp() * 1e6)), "sm.pid": T("erlang-pid", lambda p, i, c: "<0.%d.0>" % random.randint(100, 9999)), "sm.node": T("erlang-node", const("ejabberd@localhost")),
        "sm.username": P("username", login), "sm.resource": T("xmpp-resource", lambda p, i, c: "Gajim." + hexs(4)), "sm.priority": T("number", const("0")),
        "sm.info": P("session-info-with-ip", lambda p, i, c: "[{ip,{{%s},%d}},{conn,c2s_tls},{auth_module,ejabberd_auth_sql}]" % (p.ip4.replace(".", ","), random.randint(30000, 60000))),
        "oauth_token.token": CR("oauth-access-token", lambda p, i, c: urlsafe(24)), "oauth_token.jid": P("jid", lambda p, i, c: jid(p)), "oauth_token.scope": T("setting", const("ejabberd:user")),
        "oauth_client.client_id": T("oauth-client-id", lambda p, i, c: "app%d" % i), "oauth_client.client_name": T("name", const("Client mobile")), "oauth_client.grant_type": T("enum", const("password")),
        "oauth_client.options": T("setting", const("[]")),
        "route.domain": T("domain", const(H)), "route.server_host": T("domain", const(H)), "route.node": T("erlang-node", const("ejabberd@localhost")), "route.pid": T("erlang-pid", const("<0.500.0>")), "route.local_hint": T("setting", const("undefined")),
        "bosh.sid": CR("session-id", lambda p, i, c: hexs(40)), "bosh.node": T("erlang-node", const("ejabberd@localhost")), "bosh.pid": T("erlang-pid", const("<0.600.0>")),
        "proxy65.sid": CR("session-id", lambda p, i, c: hexs(40)), "proxy65.pid_t": T("erlang-pid", const("<0.1.0>")), "proxy65.pid_i": T("erlang-pid", const("<0.2.0>")),
        "proxy65.node_t": T("erlang-node", const("ejabberd@localhost")), "proxy65.node_i": T("erlang-node", const("ejabberd@localhost")), "proxy65.jid_i": P("jid", lambda p, i, c: jid(p)),
        "push_session.username": P("username", login), "push_session.service": T("domain", const("p2.siacs.eu")), "push_session.node": CR("push-token", lambda p, i, c: urlsafe(16)),
        "push_session.xml": T("push-options-xml", const('<x xmlns="jabber:x:data" type="submit"/>')),
        "mix_channel.channel": T("channel-name", lambda p, i, c: "canal%d" % i), "mix_channel.service": T("domain", const("mix." + H)), "mix_channel.username": P("username", login),
        "mix_channel.domain": T("domain", const(H)), "mix_channel.jid": P("jid", lambda p, i, c: jid(p)), "mix_channel.hmac_key": CR("hmac-key", lambda p, i, c: hexs(32)),
        "mix_participant.channel": T("channel-name", const("canal0")), "mix_participant.service": T("domain", const("mix." + H)), "mix_participant.username": P("username", login),
        "mix_participant.domain": T("domain", const(H)), "mix_participant.jid": P("jid", lambda p, i, c: jid(p)), "mix_participant.id": T("id", lambda p, i, c: hexs(12)), "mix_participant.nick": P("nickname", lambda p, i, c: p.first),
        "mix_subscription.channel": T("channel-name", const("canal0")), "mix_subscription.service": T("domain", const("mix." + H)), "mix_subscription.username": P("username", login),
        "mix_subscription.domain": T("domain", const(H)), "mix_subscription.node": T("pubsub-node", const("urn:xmpp:mix:nodes:messages")), "mix_subscription.jid": P("jid", lambda p, i, c: jid(p)),
        "mix_pam.username": P("username", login), "mix_pam.channel": T("channel-name", const("canal0")), "mix_pam.service": T("domain", const("mix." + H)), "mix_pam.id": T("id", lambda p, i, c: hexs(12)),
        "mqtt_pub.username": P("username", login), "mqtt_pub.resource": T("mqtt-client-id", lambda p, i, c: "esp32-" + hexs(6)), "mqtt_pub.topic": T("mqtt-topic", lambda p, i, c: "maison/piece%d/temperature" % i),
        "mqtt_pub.payload": T("sensor-payload", lambda p, i, c: "%.1f" % random.uniform(17, 24)), "mqtt_pub.content_type": T("mime-type", const("text/plain")), "mqtt_pub.response_topic": T("mqtt-topic", const("")),
        "mqtt_pub.correlation_data": T("binary", const("")), "mqtt_pub.user_properties": T("binary", const("")),
        "pubsub_node.host": T("domain", lambda p, i, c: jid(p) if False else "pubsub." + H), "pubsub_node.node": T("pubsub-node", lambda p, i, c: ["urn:xmpp:avatar:data", "urn:xmpp:microblog:0", "eu.siacs.conversations.axolotl.devicelist", "news"][i]),
        "pubsub_node.parent": T("pubsub-node", const("")), "pubsub_node.plugin": T("enum", const("flat")),
        "pubsub_node_option.name": T("setting-name", const("access_model")), "pubsub_node_option.val": T("setting-value", const("presence")),
        "pubsub_node_owner.owner": P("jid", lambda p, i, c: jid(p)),
        "pubsub_state.jid": P("jid", lambda p, i, c: jid(p)), "pubsub_state.affiliation": T("enum", const("o")), "pubsub_state.subscriptions": T("setting", const("")),
        "pubsub_item.itemid": T("id", lambda p, i, c: hexs(16)), "pubsub_item.publisher": P("jid", lambda p, i, c: jid(p)),
        "pubsub_item.creation": T("timestamp-erlang", lambda p, i, c: "%016d" % int(ts().timestamp() * 1e6)), "pubsub_item.modification": T("timestamp-erlang", lambda p, i, c: "%016d" % int(ts().timestamp() * 1e6)),
        "pubsub_item.payload": P("user-published-content-avatar-or-keys", lambda p, i, c: '<data xmlns="urn:xmpp:avatar:data">%s</data>' % b64(60)),
        "pubsub_subscription_opt.subid": T("id", lambda p, i, c: hexs(12)), "pubsub_subscription_opt.opt_name": T("setting-name", const("deliver")), "pubsub_subscription_opt.opt_value": T("setting-value", const("true")),
    },
}
if __name__ == "__main__":
    build(SPEC)

import sys, os, random, json
sys.path.insert(0, os.path.dirname(__file__))
from common import *

P = lambda kind, g=None: ("personal", kind, g)
T = lambda kind, g=None: ("technical", kind, g)
DBS = ["crm", "boutique", "compta"]


def sqlq(p, i, c):
    o = c["people"][(i + 11) % 40]
    return random.choice(["SELECT * FROM `clients` WHERE `email` = '%s'" % o.email, "UPDATE `clients` SET `telephone` = '%s' WHERE `nom` = '%s'" % (o.mobile, o.last),
                          "SELECT COUNT(*) FROM `commandes` WHERE `date` > '2026-01-01'", "DELETE FROM `sessions` WHERE `expire` < NOW()",
                          "SELECT id, nom, prenom FROM adherents WHERE ville = '%s'" % o.city])


login = lambda p, i, c: p.login[:16]
SPEC = {
    "app": "phpmyadmin",
    "rows": {"pma__bookmark": 15, "pma__history": 50, "pma__userconfig": 20, "pma__recent": 20, "pma__favorite": 10, "pma__table_uiprefs": 15, "pma__users": 20,
             "pma__usergroups": 4, "pma__navigationhiding": 5, "pma__savedsearches": 5, "pma__designer_settings": 5, "pma__export_templates": 4, "pma__tracking": 4},
    "cols": {
        "pma__bookmark.dbase": T("db-name", choice(*DBS)), "pma__bookmark.user": P("db-username", login), "pma__bookmark.label": T("label", choice("Clients actifs", "Relances", "Stats mensuelles")),
        "pma__bookmark.query": P("sql-query-text-with-values", sqlq),
        "pma__history.username": P("db-username", login), "pma__history.db": T("db-name", choice(*DBS)), "pma__history.table": T("table-name", choice("clients", "commandes", "adherents")),
        "pma__history.sqlquery": P("sql-query-text-with-values", sqlq),
        "pma__userconfig.username": P("db-username", login), "pma__userconfig.config_data": T("settings-json", lambda p, i, c: json.dumps({"Console/Mode": "collapse", "lang": "fr", "ThemeDefault": "pmahomme"})),
        "pma__recent.username": P("db-username", login), "pma__recent.tables": T("json-table-list", const('[{"db":"crm","table":"clients"}]')),
        "pma__favorite.username": P("db-username", login), "pma__favorite.tables": T("json-table-list", const('[{"db":"compta","table":"factures"}]')),
        "pma__table_uiprefs.username": P("db-username", login), "pma__table_uiprefs.db_name": T("db-name", choice(*DBS)), "pma__table_uiprefs.table_name": T("table-name", lambda p, i, c: "t%d" % i),
        "pma__table_uiprefs.prefs": T("settings-json", const('{"sorted_col":"`nom` ASC"}')),
        "pma__users.username": P("db-username", login), "pma__users.usergroup": T("group-name", choice("admins", "comptables", "lecteurs")),
        "pma__usergroups.usergroup": T("group-name", lambda p, i, c: ["admins", "comptables", "lecteurs", "support"][i]), "pma__usergroups.tab": T("ui-tab", choice("server_sql", "db_export")),
        "pma__navigationhiding.username": P("db-username", login), "pma__navigationhiding.item_name": T("table-name", const("logs")), "pma__navigationhiding.item_type": T("enum", const("table")),
        "pma__navigationhiding.db_name": T("db-name", choice(*DBS)), "pma__navigationhiding.table_name": T("table-name", const("")),
        "pma__savedsearches.username": P("db-username", login), "pma__savedsearches.db_name": T("db-name", choice(*DBS)), "pma__savedsearches.search_name": T("label", lambda p, i, c: "recherche %d" % i),
        "pma__savedsearches.search_data": T("settings-json", const('{"criteriaColumnNames":["nom"]}')),
        "pma__designer_settings.username": P("db-username", login), "pma__designer_settings.settings_data": T("settings-json", const('{"snap_to_grid":"off"}')),
        "pma__export_templates.username": P("db-username", login), "pma__export_templates.export_type": T("enum", const("database")), "pma__export_templates.template_name": T("label", lambda p, i, c: "modele%d" % i),
        "pma__export_templates.template_data": T("settings-json", const('{"what":"sql"}')),
        "pma__tracking.db_name": T("db-name", choice(*DBS)), "pma__tracking.table_name": T("table-name", lambda p, i, c: "clients%d" % i),
        "pma__tracking.schema_snapshot": T("serialized-schema", const('a:2:{s:7:"COLUMNS";a:0:{}s:7:"INDEXES";a:0:{}}')), "pma__tracking.schema_sql": T("sql-ddl", const("CREATE TABLE clients (id int)")),
        "pma__tracking.data_sql": P("tracked-dml-with-row-data", lambda p, i, c: "# log 2026-03-02 10:11:12 %s\nINSERT INTO clients (nom, prenom, email) VALUES ('%s', '%s', '%s');" % (p.login, p.last, p.first, p.email)),
        "pma__tracking.tracking": T("set", const("UPDATE,INSERT,DELETE")),
    },
}
if __name__ == "__main__":
    build(SPEC)

"""LedgerSMB 1.6.33 (pg): accounting/ERP. Entities (people and companies), persons, employees (NIR, birth date),
addresses, contacts, bank accounts (IBAN), customer/vendor accounts, invoices (ar/ap/invoice/acc_trans), notes with
their tsvector, attached files, users (passwords are PostgreSQL roles: no password column), sessions."""
import sys, os, random
sys.path.insert(0, os.path.dirname(__file__))
from common import *

P = lambda kind, g=None: ("personal", kind, g)
T = lambda kind, g=None: ("technical", kind, g)
CR = lambda kind, g=None: ("credential", kind, g)
# entity index k (0..39) = people[k]: 0-7 employees, 8-27 private customers, 28-35 vendor companies, 36-39 business customers
N_EMP, N_PERS, N_ENT = 8, 28, 40
FR_ID, GB_ID, US_ID = 75, 78, 232


def person_of(c, k):
    return c["people"][k]


def is_company(k):
    return k >= N_PERS


def country(p):
    return FR_ID if p.fr else (GB_ID if p.faker is EN else US_ID)


def nir(p):
    s = "%d%02d%02d%02d%03d%03d" % (1 if p.gender == "M" else 2, p.birth.year % 100, p.birth.month, random.randint(1, 95), random.randint(1, 999), random.randint(1, 999))
    return "%s %02d" % (s, 97 - int(s) % 97)


def company_name(c, k):
    return person_of(c, k).company


def ent_hook(row, p, i, c):
    row["id"] = i + 1
    row["name"] = company_name(c, i) if is_company(i) else "%s %s" % (p.first, p.last)
    row["entity_class"] = 3 if i < N_EMP else (2 if i < N_PERS else (1 if i < 36 else 2))
    row["control_code"] = ("S-%05d" % (i + 1)) if i < N_EMP else ("C-%05d" % (i + 1) if row["entity_class"] == 2 else "V-%05d" % (i + 1))
    row["country_id"] = FR_ID if is_company(i) else country(p)


def person_hook(row, p, i, c):
    row["id"], row["entity_id"] = i + 1, i + 1
    row["salutation_id"] = 3 if p.gender == "M" else random.choice([4, 5])
    row["personal_id"] = nir(p) if i < N_EMP and p.fr else None


def company_hook(row, p, i, c):
    k = N_PERS + i
    row["id"], row["entity_id"], row["legal_name"] = i + 1, k + 1, company_name(c, k)


def loc_hook(row, p, i, c):
    row["id"] = i + 1
    if is_company(i):
        row["line_one"] = FR.street_address()
        row["line_two"] = random.choice([None, "ZI des Glaises", "Bâtiment C"])
        row["city"], row["mail_code"], row["country_id"], row["state"] = FR.city(), FR.postcode(), FR_ID, None
    else:
        row["line_one"], row["city"], row["mail_code"], row["country_id"] = p.street, p.city, p.postcode, country(p)
        row["line_two"] = random.choice([None, None, "Appartement %d" % random.randint(1, 60), "Résidence Les Tilleuls"])
        row["state"] = FR.region() if p.fr and random.random() < 0.5 else None


def contact_hook(row, p, i, c):
    k = i % N_ENT
    q = person_of(c, k)
    row["entity_id"] = k + 1
    kind = (i // N_ENT) % 2 if i < N_ENT else 1
    if is_company(k):
        row["contact_class_id"], row["contact"] = (12, "contact@%s.fr" % slug(company_name(c, k))[:20]) if kind == 0 else (1, FR.phone_number())
        row["description"] = random.choice(["Standard", "Comptabilité fournisseurs"])
    else:
        row["contact_class_id"], row["contact"] = (12, q.email) if kind == 0 else (3, q.mobile)
        row["description"] = random.choice([None, "Perso"]) if kind == 0 else random.choice([None, "Portable"])


def eca_hook(row, p, i, c):
    k = N_EMP + i  # private customers, then companies
    q = person_of(c, k)
    row["id"], row["entity_id"] = i + 1, k + 1
    row["entity_class"] = 1 if 28 <= k < 36 else 2
    row["meta_number"] = ("F%05d" if row["entity_class"] == 1 else "CL%05d") % (k + 1)
    row["pay_to_name"] = company_name(c, k) if is_company(k) else q.full
    row["ar_ap_account_id"] = 2 if row["entity_class"] == 1 else 1
    row["employee_id"] = random.randint(1, N_EMP)


def bank_hook(row, p, i, c):
    k = i if i < N_EMP else (N_EMP + i if N_EMP + i < N_ENT else i)
    q = person_of(c, k)
    row["id"], row["entity_id"] = i + 1, k + 1
    row["iban"] = q.iban if not is_company(k) else FR.iban()
    row["bic"] = random.choice(["AGRIFRPPXXX", "BNPAFRPPXXX", "CEPAFRPPXXX", "SOGEFRPPXXX", "CCBPFRPPXXX", "PSSTFRPPPAR"]) if q.fr else "BARCGB22XXX"
    row["remark"] = random.choice([None, "Compte courant", "Virement salaire", "Compte joint"])


def emp_hook(row, p, i, c):
    row["entity_id"] = i + 1
    row["ssn"] = nir(p) if p.fr else "%s%06d%s" % (random.choice(["AB", "JK", "NP"]), random.randint(0, 999999), random.choice("ABCD"))
    row["dob"], row["employeenumber"] = p.birth, "SAL%03d" % (i + 1)
    row["manager_id"] = None if i == 0 else 1
    row["is_manager"], row["role"] = i == 0, "manager" if i == 0 else "user"


NOTES_ENT = ["Client en difficulté suite à un licenciement, accord pour un paiement en 3 fois.", "A appelé le %s pour contester la facture, très mécontent.",
             "Préfère être contacté le soir après 18h. Ne pas appeler au travail.", "Dossier transmis au service contentieux, voir avec %s.",
             "Congé maternité jusqu'en septembre, prévoir remplacement.", "Arrêt maladie prolongé, ne pas relancer avant la fin du mois."]


def note_text(p, i, c):
    t = random.choice(NOTES_ENT)
    return t % (ts().date() if "le %s" in t else c["people"][random.randint(0, N_EMP - 1)].full) if "%s" in t else t


def note_hook(row, p, i, c):
    k = (i * 3) % N_ENT
    q = person_of(c, k)
    row["ref_key"] = k + 1
    if "entity_id" in row:
        row["entity_id"] = k + 1
    row["note"] = note_text(q, i, c) + " (%s)" % q.full
    row["subject"] = random.choice(["Relance", "Appel entrant", "Litige facture", "Absence"]) + " - " + q.last
    row["vector"] = Raw("to_tsvector('french', '%s')" % (row["subject"] + " " + row["note"]).replace("'", "''"))
    row["created_by"] = c["people"][random.randint(0, N_EMP - 1)].login


def eca_note_hook(row, p, i, c):
    note_hook(row, p, i, c)
    row["ref_key"] = (i * 3) % 28 + 1
    row["id"] = 100 + i


def pdf(title):
    return ("%PDF-1.4\n1 0 obj << /Title (" + title + ") /Producer (Scanner) >> endobj\n").encode() + os.urandom(200) + b"\n%%EOF\n"


def file_hook(row, p, i, c):
    k = i % N_EMP
    q = person_of(c, k)
    kind = random.choice(["CNI", "contrat_travail", "RIB", "attestation_secu"])
    row["file_name"] = "%s_%s_%s.pdf" % (kind, slug(q.last), slug(q.first))
    row["content"] = pdf("%s %s" % (kind, q.full))
    row["ref_key"], row["id"], row["uploaded_by"] = k + 1, i + 1, 1


def ar_hook(row, p, i, c):
    row["id"] = i + 1
    ecas = c["generated"]["entity_credit_account"]
    e = [x for x in ecas if x["entity_class"] == 2][i % 24]
    row["entity_credit_account"], row["entity_id"] = e["id"], e["entity_id"]
    row["amount"] = round(random.uniform(50, 4000), 2)
    row["netamount"] = round(row["amount"] / 1.2, 2)
    row["paid"] = random.choice([0, row["amount"]])
    row["curr"], row["person_id"] = "EUR", random.randint(1, N_EMP)


def ap_hook(row, p, i, c):
    ar_hook(row, p, i, c)
    row["id"] = 31 + i
    ecas = [x for x in c["generated"]["entity_credit_account"] if x["entity_class"] == 1]
    e = ecas[i % len(ecas)]
    row["entity_credit_account"], row["entity_id"] = e["id"], e["entity_id"]


def tr_hook(row, p, i, c):
    row["id"], row["table_name"] = i + 1, "ar" if i < 30 else "ap"
    row["locked_by"], row["approved_by"] = None, 1


ACC = [("411000", "Clients", "A"), ("401000", "Fournisseurs", "L"), ("512000", "Banque", "A"), ("706000", "Prestations de services", "I"),
       ("607000", "Achats de marchandises", "E"), ("445710", "TVA collectée", "L")]
SPEC = {
    "app": "ledgersmb",
    "default_rows": 0,
    "fks": {("transactions", "id"): ("entity", "id")},  # ordering only: transactions after the entities their ar/ap rows name
    "rows": {"entity": 40, "person": 28, "company": 12, "location": 40, "entity_to_location": 40, "entity_to_contact": 70, "entity_credit_account": 32,
             "eca_to_contact": 25, "eca_to_location": 20, "entity_bank_account": 25, "entity_employee": 8, "entity_other_name": 4, "entity_note": 15, "eca_note": 8,
             "users": 8, "user_preference": 8, "session": 6, "account_heading": 3, "account": 6, "transactions": 45, "ar": 30, "ap": 15, "parts": 10, "invoice": 30,
             "acc_trans": 40, "audittrail": 20, "cr_report": 2, "file_entity": 5, "person_to_company": 5},
    "row_hook": {"entity": ent_hook, "person": person_hook, "company": company_hook, "location": loc_hook, "entity_to_contact": contact_hook,
                 "entity_credit_account": eca_hook, "entity_bank_account": bank_hook, "entity_employee": emp_hook, "entity_note": note_hook, "eca_note": eca_note_hook,
                 "file_entity": file_hook, "ar": ar_hook, "ap": ap_hook, "transactions": tr_hook},
    "cols": {
        # entity: customers, vendors and employees, people and companies alike
        "entity.name": P("person-or-company-name"), "entity.control_code": T("entity-code"), "entity.created": T("date", lambda p, i, c: ts(2000).date()),
        "entity.entity_class": T("fk"), "entity.country_id": T("fk"),
        "person.first_name": P("first-name", "first"), "person.middle_name": P("middle-name", lambda p, i, c: random.choice([None, None, p.faker.first_name()])),
        "person.last_name": P("last-name", "last"), "person.birthdate": P("birth-date", "birth"), "person.personal_id": P("national-id-number (NIR)"),
        "person.created": T("date", lambda p, i, c: ts(2000).date()), "person.salutation_id": T("fk"),
        "company.legal_name": T("organisation-name"), "company.tax_id": T("company-vat-number", lambda p, i, c: "FR%02d%09d" % (random.randint(10, 99), random.randint(0, 999999999))),
        "company.sales_tax_id": T("company-tax-id", const(None)), "company.license_number": T("company-registration (SIRET)", lambda p, i, c: "%014d" % random.randint(0, 10**14 - 1)),
        "company.sic_code": T("fk", const(None)), "company.created": T("date", lambda p, i, c: ts(2000).date()),
        "entity_other_name.entity_id": T("fk", lambda p, i, c: i + 9), "entity_other_name.other_name": P("other-name (birth name, trade name)", lambda p, i, c: "née %s" % c["people"][i + 8].faker.last_name() if i < 3 else "%s Services" % c["people"][i + 8].last),
        "location.line_one": P("street-address (mostly people's, some companies')"), "location.line_two": P("address-line"), "location.line_three": P("address-line", const(None)),
        "location.city": P("city"), "location.state": P("region"), "location.mail_code": P("postcode"), "location.country_id": T("fk"),
        "location.created": T("date", lambda p, i, c: ts(2000).date()), "location.inactive_date": T("timestamp", const(None)), "location.active": T("flag", const(True)),
        "entity_to_location.location_id": T("fk", lambda p, i, c: i + 1), "entity_to_location.entity_id": T("fk", lambda p, i, c: i + 1),
        "entity_to_location.location_class": T("fk", lambda p, i, c: 1 if i % 3 else 4),
        "entity_to_contact.contact": P("email-or-phone (contact_class_id says which)"), "entity_to_contact.description": T("label"), "entity_to_contact.contact_class_id": T("fk"),
        "entity_credit_account.pay_to_name": P("payee-name (person or company)"), "entity_credit_account.meta_number": T("customer-or-vendor-number"),
        "entity_credit_account.description": T("description", const(None)), "entity_credit_account.discount": T("number", const(0)), "entity_credit_account.discount_terms": T("number", const(0)),
        "entity_credit_account.discount_account_id": T("fk", const(None)), "entity_credit_account.creditlimit": T("amount", lambda p, i, c: random.choice([0, 1000, 5000])),
        "entity_credit_account.terms": T("number", choice(0, 30, 45)), "entity_credit_account.business_id": T("fk", const(None)), "entity_credit_account.language_code": T("fk", choice("fr", "fr", "en")),
        "entity_credit_account.pricegroup_id": T("fk", const(None)), "entity_credit_account.curr": T("currency", const("EUR")), "entity_credit_account.startdate": T("date", lambda p, i, c: ts(1500).date()),
        "entity_credit_account.enddate": T("date", const(None)), "entity_credit_account.threshold": T("amount", const(0)), "entity_credit_account.primary_contact": T("fk", const(None)),
        "entity_credit_account.cash_account_id": T("fk", const(3)), "entity_credit_account.bank_account": T("fk", const(None)), "entity_credit_account.taxform_id": T("fk", const(None)),
        "entity_credit_account.taxincluded": T("flag", const(False)),
        "eca_to_contact.credit_id": T("fk", lambda p, i, c: i + 1), "eca_to_contact.contact_class_id": T("fk", choice(12, 15)),
        "eca_to_contact.contact": P("billing-email", lambda p, i, c: c["people"][8 + i].email if i < 20 else "compta@%s.fr" % slug(c["people"][8 + i].company)[:20]),
        "eca_to_contact.description": T("label", choice(None, "Facturation")),
        "eca_to_location.location_id": T("fk", lambda p, i, c: 9 + i), "eca_to_location.credit_id": T("fk", lambda p, i, c: i + 1), "eca_to_location.location_class": T("fk", const(1)),
        "entity_bank_account.bic": T("bank-identifier (BIC)"), "entity_bank_account.iban": P("bank-account (IBAN)"), "entity_bank_account.remark": T("label"),
        "entity_employee.startdate": T("date", lambda p, i, c: ts(3000, 200).date()), "entity_employee.enddate": T("date", const(None)), "entity_employee.role": T("enum"),
        "entity_employee.ssn": P("social-security-number (NIR / NINO)"), "entity_employee.sales": T("flag", choice(True, False)), "entity_employee.manager_id": T("fk"),
        "entity_employee.employeenumber": P("employee-number"), "entity_employee.dob": P("birth-date"), "entity_employee.is_manager": T("flag"),
        # notes: LedgerSMB's note tables inherit from `note`; a query on `note` returns the rows of entity_note, eca_note...
        "note.note": P("free-text-note (parent of entity_note / eca_note: returns their rows)"), "note.subject": P("note-subject naming the person"),
        "note.vector": P("tsvector of the note"), "note.created_by": P("username"),
        "entity_note.note": P("free-text-note-about-person"), "entity_note.subject": P("note-subject naming the person"), "entity_note.vector": P("tsvector of the note"),
        "entity_note.created_by": P("username"), "entity_note.note_class": T("fk", const(1)), "entity_note.id": T("pk", lambda p, i, c: i + 1), "entity_note.created": T("timestamp", "ts"),
        "eca_note.note": P("free-text-note-about-customer"), "eca_note.subject": P("note-subject naming the person"), "eca_note.vector": P("tsvector of the note"),
        "eca_note.created_by": P("username"), "eca_note.note_class": T("fk", const(3)), "eca_note.created": T("timestamp", "ts"),
        "invoice_note.note": T("notes-of-an-invoice"), "invoice_note.subject": T("subject"), "invoice_note.vector": T("tsvector"), "invoice_note.created_by": P("username"),
        "journal_note.note": T("notes-of-a-journal-entry"), "journal_note.subject": T("subject"), "journal_note.vector": T("tsvector"), "journal_note.created_by": P("username"),
        "asset_note.note": T("notes-of-an-asset"), "asset_note.subject": T("subject"), "asset_note.vector": T("tsvector"), "asset_note.created_by": P("username"),
        "budget_note.note": T("notes-of-a-budget"), "budget_note.subject": T("subject"), "budget_note.vector": T("tsvector"), "budget_note.created_by": P("username"),
        # files: file_entity (documents about a person: ID card scans, contracts) inherits from file_base
        "file_base.content": P("attached-document (parent of file_entity: returns its rows)"), "file_base.file_name": P("file-name naming the person"),
        "file_base.description": T("description"),
        "file_entity.content": P("attached-document (ID card scan, employment contract, RIB)"), "file_entity.file_name": P("file-name naming the person"),
        "file_entity.description": T("description", choice(None, "Pièce justificative")), "file_entity.mime_type_id": T("fk", const(553)), "file_entity.file_class": T("fk", const(4)),
        "file_entity.uploaded_at": T("timestamp", "ts"),
        "users.id": T("pk", lambda p, i, c: i + 1), "users.username": P("login (a PostgreSQL role)", "login"), "users.notify_password": T("interval", const("7 days")),
        "users.entity_id": T("fk", lambda p, i, c: i + 1),
        "user_preference.id": T("fk", lambda p, i, c: i + 1), "user_preference.language": T("fk", choice("fr", "fr", "en")), "user_preference.stylesheet": T("setting", const("ledgersmb.css")),
        "user_preference.printer": T("setting", const(None)), "user_preference.dateformat": T("setting", const("dd/mm/yyyy")), "user_preference.numberformat": T("setting", const("1 000,00")),
        "session.session_id": T("pk", lambda p, i, c: i + 1), "session.token": CR("session-token", lambda p, i, c: hexs(32)), "session.last_used": T("timestamp", lambda p, i, c: ts(1)),
        "session.ttl": T("number", const(3600)), "session.users_id": T("fk", lambda p, i, c: i + 1), "session.notify_pasword": T("interval", const("7 days")),
        "account_heading.id": T("pk", lambda p, i, c: i + 1), "account_heading.accno": T("account-number", lambda p, i, c: ["4", "5", "6"][i]),
        "account_heading.parent_id": T("fk", const(None)), "account_heading.description": T("label", lambda p, i, c: ["Comptes de tiers", "Comptes financiers", "Charges et produits"][i]),
        "account_heading.category": T("enum", lambda p, i, c: "A"),
        "account.id": T("pk", lambda p, i, c: i + 1), "account.accno": T("account-number", lambda p, i, c: ACC[i][0]), "account.description": T("label", lambda p, i, c: ACC[i][1]),
        "account.category": T("enum", lambda p, i, c: ACC[i][2]), "account.heading": T("fk", lambda p, i, c: [1, 1, 2, 3, 3, 1][i]), "account.gifi_accno": T("account-number", const(None)),
        "account.is_temp": T("flag", const(False)), "account.contra": T("flag", const(False)), "account.tax": T("flag", lambda p, i, c: i == 5), "account.obsolete": T("flag", const(False)),
        "transactions.approved_at": T("timestamp", "ts"),
        "ar.invnumber": T("invoice-number", lambda p, i, c: "FA-2026-%04d" % (i + 1)), "ap.invnumber": T("invoice-number", lambda p, i, c: "FF-%06d" % random.randint(0, 999999)),
        "ar.notes": T("notes-of-an-invoice (printed)", choice(None, "Merci de votre confiance.", "Paiement à réception de facture.")),
        "ar.intnotes": T("internal-notes-of-an-invoice", choice(None, "Relance envoyée", "Remise accordée par la direction")),
        "ap.notes": T("notes-of-an-invoice (printed)", const(None)), "ap.intnotes": T("internal-notes-of-an-invoice", choice(None, "Bon de commande signé", "Litige sur quantité")),
        "ar.description": T("description", choice(None, "Prestation de conseil", "Maintenance annuelle")), "ap.description": T("description", choice(None, "Fournitures", "Sous-traitance")),
        "ar.shipvia": T("carrier", choice(None, "Colissimo", "Chronopost")), "ap.shipvia": T("carrier", const(None)), "ar.shippingpoint": T("label", const(None)), "ap.shippingpoint": T("label", const(None)),
        "ar.ordnumber": T("order-number", const(None)), "ap.ordnumber": T("order-number", const(None)), "ar.quonumber": T("quote-number", const(None)), "ap.quonumber": T("quote-number", const(None)),
        "ar.ponumber": T("purchase-order-number", const(None)), "ap.ponumber": T("purchase-order-number", const(None)), "ar.till": T("till", const(None)), "ap.till": T("till", const(None)),
        "ar.language_code": T("fk", const("fr")), "ap.language_code": T("fk", const("fr")), "ar.setting_sequence": T("setting", const(None)),
        "ar.terms": T("number", choice(0, 30)), "ap.terms": T("number", choice(0, 30)), "ar.approved": T("flag", const(True)), "ap.approved": T("flag", const(True)),
        "parts.id": T("pk", lambda p, i, c: i + 1), "parts.partnumber": T("part-number", lambda p, i, c: "P%04d" % (i + 1)),
        "parts.description": T("label", lambda p, i, c: ["Heure de conseil", "Forfait maintenance", "Licence annuelle", "Formation (jour)", "Déplacement", "Câble RJ45 3m", "Switch 24 ports", "Disque SSD 1 To", "Écran 27 pouces", "Clavier"][i]),
        "parts.unit": T("unit", const("pce")), "parts.notes": T("notes-of-a-part", const(None)), "parts.bin": T("label", const(None)), "parts.image": T("file-name", const(None)),
        "parts.drawing": T("file-name", const(None)), "parts.microfiche": T("label", const(None)), "parts.partsgroup_id": T("fk", const(None)),
        "parts.inventory_accno_id": T("fk", const(None)), "parts.income_accno_id": T("fk", const(4)), "parts.expense_accno_id": T("fk", const(5)), "parts.returns_accno_id": T("fk", const(None)),
        "invoice.description": T("label", choice("Heure de conseil", "Forfait maintenance", "Formation (jour)")), "invoice.allocated": T("number", const(0)),
        "invoice.qty": T("number", lambda p, i, c: random.randint(1, 10)), "invoice.unit": T("unit", const("pce")), "invoice.serialnumber": T("serial", const(None)),
        "invoice.vendor_sku": T("sku", const(None)), "invoice.notes": T("notes-of-an-invoice-line", const(None)), "invoice.trans_id": T("fk", lambda p, i, c: i + 1),
        "acc_trans.entry_id": T("pk", lambda p, i, c: i + 1), "acc_trans.trans_id": T("fk", lambda p, i, c: (i % 45) + 1), "acc_trans.chart_id": T("fk", lambda p, i, c: [1, 4, 6, 2, 5, 3][i % 6]),
        "acc_trans.source": T("payment-reference", choice(None, "CHQ 1234567", "VIR SEPA")), "acc_trans.memo": T("memo", const(None)), "acc_trans.invoice_id": T("fk", const(None)),
        "acc_trans.voucher_id": T("fk", const(None)), "acc_trans.amount": T("amount", lambda p, i, c: round(random.uniform(-3000, 3000), 2)),
        "audittrail.trans_id": T("fk", lambda p, i, c: i + 1), "audittrail.tablename": T("table-name", const("ar")), "audittrail.reference": T("invoice-number", lambda p, i, c: "FA-2026-%04d" % (i + 1)),
        "audittrail.formname": T("enum", const("sales_invoice")), "audittrail.action": T("enum", choice("posted", "saved", "printed")), "audittrail.person_id": T("fk", lambda p, i, c: (i % N_EMP) + 1),
        "audittrail.entry_id": T("pk", lambda p, i, c: i + 1),
        "cr_report.id": T("pk", lambda p, i, c: i + 1), "cr_report.chart_id": T("fk", const(3)), "cr_report.entered_by": T("fk", const(1)), "cr_report.approved_by": T("fk", const(None)),
        "cr_report.deleted_by": T("fk", const(None)), "cr_report.deleted": T("flag", const(False)), "cr_report.approved": T("flag", const(False)), "cr_report.max_ac_id": T("fk", const(None)),
        "cr_report.entered_username": P("username", lambda p, i, c: c["people"][0].login), "cr_report.approved_username": P("username", const(None)),
        "person_to_company.location_id": T("fk", lambda p, i, c: 29 + i), "person_to_company.person_id": T("fk", lambda p, i, c: 9 + i), "person_to_company.company_id": T("fk", lambda p, i, c: 9 + i if i < 3 else i + 1),
        # payroll: no rows generated; a wage / deduction rate of an employee is personal
        "payroll_wage.rate": P("salary-rate-of-employee"), "payroll_deduction.rate": P("deduction-rate-of-employee"), "payroll_report_line.rate": P("salary-rate-of-employee"),
        "payroll_report_line.description": T("label"),
        # other people-related columns of tables left empty
        "entity_employee.entity_id": T("fk"), "cr_report_line.user": T("fk"), "jcitems.person_id": T("fk"), "jcitems.notes": T("notes-of-a-time-card"),
        "batch.created_by": T("fk"), "recurringemail.message": T("template"), "asset_note.ref_key": T("fk"),
    },
}
if __name__ == "__main__":
    build(SPEC)

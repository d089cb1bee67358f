# Usage: python3 testdata/migrations/gen_dumps.py testdata/migrations
# Generates the pg_dump-style and mysqldump-style corpus files of vigie's migration tests
# from one schema description (dump files are machine-generated in real life too).
import os, sys
out = sys.argv[1]

# (table, comment, [(col, pgtype, mytype, notnull, default_pg, default_my, comment)])
T = [
 ("formations", "Catalogue des formations", [
   ("id","integer","int(11)",True,None,None,None),
   ("code","character varying(20)","varchar(20)",True,None,None,None),
   ("nom","character varying(200)","varchar(200)",True,None,None,None),
   ("description","text","text",False,None,None,None),
   ("duree_mois","integer","int(11)",False,None,None,None),
   ("tarif","numeric(10,2)","decimal(10,2)",False,None,None,None),
   ("created_at","timestamp without time zone","datetime",True,"now()","CURRENT_TIMESTAMP",None)]),
 ("etudiants", "Dossiers des étudiants inscrits", [
   ("id","integer","int(11)",True,None,None,None),
   ("nom","character varying(100)","varchar(100)",True,None,None,None),
   ("prenom","character varying(100)","varchar(100)",True,None,None,None),
   ("email","character varying(255)","varchar(255)",True,None,None,None),
   ("tel_portable","character varying(20)","varchar(20)",False,None,None,None),
   ("date_naissance","date","date",False,None,None,None),
   ("adresse","character varying(255)","varchar(255)",False,None,None,None),
   ("code_postal","character varying(5)","varchar(5)",False,None,None,None),
   ("ville","character varying(100)","varchar(100)",False,None,None,None),
   ("nir","character varying(15)","varchar(15)",False,None,None,"Numéro de sécurité sociale (affiliation)"),
   ("boursier","boolean","tinyint(1)",True,"false","'0'",None),
   ("formation_id","integer","int(11)",False,None,None,None),
   ("promo","integer","int(11)",False,None,None,None),
   ("statut","character varying(20)","varchar(20)",True,"'inscrit'::character varying","'inscrit'",None),
   ("created_at","timestamp without time zone","datetime",True,"now()","CURRENT_TIMESTAMP",None),
   ("updated_at","timestamp without time zone","datetime",False,None,None,None)]),
 ("prospects", "Prospects (salons, site web, journées portes ouvertes)", [
   ("id","integer","int(11)",True,None,None,None),
   ("nom","character varying(100)","varchar(100)",False,None,None,None),
   ("prenom","character varying(100)","varchar(100)",False,None,None,None),
   ("email","character varying(255)","varchar(255)",True,None,None,None),
   ("telephone","character varying(20)","varchar(20)",False,None,None,None),
   ("origine","character varying(50)","varchar(50)",False,None,None,"salon, site, jpo, partenaire"),
   ("optin_newsletter","boolean","tinyint(1)",True,"true","'1'",None),
   ("dernier_contact","timestamp without time zone","datetime",False,None,None,None),
   ("commentaire","text","text",False,None,None,None),
   ("created_at","timestamp without time zone","datetime",True,"now()","CURRENT_TIMESTAMP",None)]),
 ("alumni", "Annuaire des anciens", [
   ("id","integer","int(11)",True,None,None,None),
   ("etudiant_id","integer","int(11)",False,None,None,None),
   ("nom","character varying(100)","varchar(100)",True,None,None,None),
   ("nom_naissance","character varying(100)","varchar(100)",False,None,None,None),
   ("prenom","character varying(100)","varchar(100)",True,None,None,None),
   ("email","character varying(255)","varchar(255)",False,None,None,None),
   ("promo","integer","int(11)",True,None,None,None),
   ("employeur","character varying(200)","varchar(200)",False,None,None,None),
   ("poste","character varying(200)","varchar(200)",False,None,None,None),
   ("publication_annuaire","boolean","tinyint(1)",True,"false","'0'",None),
   ("derniere_activite","timestamp without time zone","datetime",False,None,None,None)]),
 ("candidats", "Candidatures aux formations", [
   ("id","integer","int(11)",True,None,None,None),
   ("nom","character varying(100)","varchar(100)",True,None,None,None),
   ("prenom","character varying(100)","varchar(100)",True,None,None,None),
   ("email","character varying(255)","varchar(255)",True,None,None,None),
   ("date_naissance","date","date",False,None,None,None),
   ("nationalite","character varying(50)","varchar(50)",False,None,None,None),
   ("formation_id","integer","int(11)",True,None,None,None),
   ("lettre_motivation","text","text",False,None,None,None),
   ("appreciation","text","text",False,None,None,"Avis du jury"),
   ("decision","character varying(20)","varchar(20)",False,None,None,None),
   ("recu_le","timestamp without time zone","datetime",True,"now()","CURRENT_TIMESTAMP",None)]),
 ("donateurs", "Donateurs de l'association", [
   ("id","integer","int(11)",True,None,None,None),
   ("civilite","character varying(5)","varchar(5)",False,None,None,None),
   ("nom","character varying(100)","varchar(100)",True,None,None,None),
   ("prenom","character varying(100)","varchar(100)",False,None,None,None),
   ("email","character varying(255)","varchar(255)",False,None,None,None),
   ("adresse","character varying(255)","varchar(255)",False,None,None,None),
   ("iban","character varying(34)","varchar(34)",False,None,None,"Prélèvement mensuel"),
   ("bic","character varying(11)","varchar(11)",False,None,None,None),
   ("recu_fiscal","boolean","tinyint(1)",True,"true","'1'",None),
   ("sollicitations_sans_reponse","integer","int(11)",True,"0","'0'",None)]),
 ("dons", None, [
   ("id","integer","int(11)",True,None,None,None),
   ("donateur_id","integer","int(11)",True,None,None,None),
   ("montant","numeric(10,2)","decimal(10,2)",True,None,None,None),
   ("date_don","date","date",True,None,None,None),
   ("moyen","character varying(20)","varchar(20)",False,None,None,None)]),
 ("paiements", "Paiements des frais de scolarité", [
   ("id","integer","int(11)",True,None,None,None),
   ("etudiant_id","integer","int(11)",True,None,None,None),
   ("montant","numeric(10,2)","decimal(10,2)",True,None,None,None),
   ("numero_carte","character varying(19)","varchar(19)",False,None,None,None),
   ("date_expiration","character varying(5)","varchar(5)",False,None,None,None),
   ("cvv","character varying(4)","varchar(4)",False,None,None,None),
   ("statut","character varying(20)","varchar(20)",True,"'en_attente'::character varying","'en_attente'",None),
   ("paye_le","timestamp without time zone","datetime",False,None,None,None)]),
 ("interactions", "Historique des échanges", [
   ("id","integer","int(11)",True,None,None,None),
   ("personne_type","character varying(20)","varchar(20)",True,None,None,None),
   ("personne_id","integer","int(11)",True,None,None,None),
   ("canal","character varying(20)","varchar(20)",False,None,None,None),
   ("commentaire","text","text",False,None,None,None),
   ("auteur_id","integer","int(11)",False,None,None,None),
   ("created_at","timestamp without time zone","datetime",True,"now()","CURRENT_TIMESTAMP",None)]),
 ("consentements", None, [
   ("id","integer","int(11)",True,None,None,None),
   ("personne_type","character varying(20)","varchar(20)",True,None,None,None),
   ("personne_id","integer","int(11)",True,None,None,None),
   ("finalite","character varying(50)","varchar(50)",True,None,None,None),
   ("donne_le","timestamp without time zone","datetime",True,None,None,None),
   ("retire_le","timestamp without time zone","datetime",False,None,None,None),
   ("case_precochee","boolean","tinyint(1)",True,"false","'0'",None),
   ("preuve","text","text",False,None,None,None)]),
 ("utilisateurs", "Comptes du personnel", [
   ("id","integer","int(11)",True,None,None,None),
   ("login","character varying(50)","varchar(50)",True,None,None,None),
   ("email","character varying(255)","varchar(255)",True,None,None,None),
   ("mdp","character varying(255)","varchar(255)",True,None,None,None),
   ("role","character varying(20)","varchar(20)",True,"'lecteur'::character varying","'lecteur'",None),
   ("derniere_connexion","timestamp without time zone","datetime",False,None,None,None),
   ("actif","boolean","tinyint(1)",True,"true","'1'",None)]),
 ("demandes_droits", "Registre des demandes d'exercice des droits", [
   ("id","integer","int(11)",True,None,None,None),
   ("type_demande","character varying(30)","varchar(30)",True,None,None,None),
   ("personne_email","character varying(255)","varchar(255)",False,None,None,None),
   ("recu_le","timestamp without time zone","datetime",True,None,None,None),
   ("repondu_le","timestamp without time zone","datetime",False,None,None,None),
   ("prolongee","boolean","tinyint(1)",True,"false","'0'",None)]),
 ("entreprises", None, [
   ("id","integer","int(11)",True,None,None,None),
   ("raison_sociale","character varying(255)","varchar(255)",True,None,None,None),
   ("siret","character varying(14)","varchar(14)",False,None,None,None),
   ("adresse","character varying(255)","varchar(255)",False,None,None,None),
   ("contact_nom","character varying(100)","varchar(100)",False,None,None,None),
   ("contact_email","character varying(255)","varchar(255)",False,None,None,None)]),
 ("stages", None, [
   ("id","integer","int(11)",True,None,None,None),
   ("etudiant_id","integer","int(11)",True,None,None,None),
   ("entreprise_id","integer","int(11)",True,None,None,None),
   ("debut","date","date",True,None,None,None),
   ("fin","date","date",False,None,None,None),
   ("note_finale","numeric(4,2)","decimal(4,2)",False,None,None,None),
   ("appreciation_tuteur","text","text",False,None,None,None)]),
 ("evenements", None, [
   ("id","integer","int(11)",True,None,None,None),
   ("titre","character varying(200)","varchar(200)",True,None,None,None),
   ("lieu","character varying(200)","varchar(200)",False,None,None,None),
   ("date_debut","timestamp without time zone","datetime",True,None,None,None),
   ("places","integer","int(11)",False,None,None,None)]),
 ("participations", None, [
   ("id","integer","int(11)",True,None,None,None),
   ("evenement_id","integer","int(11)",True,None,None,None),
   ("personne_type","character varying(20)","varchar(20)",True,None,None,None),
   ("personne_id","integer","int(11)",True,None,None,None),
   ("regime_alimentaire","character varying(50)","varchar(50)",False,None,None,None),
   ("present","boolean","tinyint(1)",False,None,None,None)]),
]
FK = [("etudiants","formation_id","formations"),("alumni","etudiant_id","etudiants"),
      ("candidats","formation_id","formations"),("dons","donateur_id","donateurs"),
      ("paiements","etudiant_id","etudiants"),("stages","etudiant_id","etudiants"),
      ("stages","entreprise_id","entreprises"),("participations","evenement_id","evenements")]
IDX = [("etudiants","email",True),("prospects","email",True),("prospects","dernier_contact",False),
       ("interactions","personne_id",False),("consentements","personne_id",False),
       ("alumni","promo",False),("candidats","formation_id",False),("utilisateurs","login",True),
       ("paiements","etudiant_id",False),("dons","donateur_id",False)]

def q(s): return "'" + s.replace("'", "''") + "'"

# ---------------- pg_dump ----------------
L = []
w = L.append
w("--\n-- PostgreSQL database dump\n--\n\n\\restrict Zq3kP9xv2LmN8tR4yW6b\n")
w("-- Dumped from database version 15.19 (Debian 15.19-1.pgdg120+1)\n-- Dumped by pg_dump version 17.6\n")
w("SET statement_timeout = 0;\nSET lock_timeout = 0;\nSET idle_in_transaction_session_timeout = 0;\nSET transaction_timeout = 0;\nSET client_encoding = 'UTF8';\nSET standard_conforming_strings = on;\nSELECT pg_catalog.set_config('search_path', '', false);\nSET check_function_bodies = false;\nSET xmloption = content;\nSET client_min_messages = warning;\nSET row_security = off;\n")
w("--\n-- Name: crm; Type: SCHEMA; Schema: -; Owner: ecole\n--\n\nCREATE SCHEMA crm;\n\n\nALTER SCHEMA crm OWNER TO ecole;\n")
w("--\n-- Name: pgcrypto; Type: EXTENSION; Schema: -; Owner: -\n--\n\nCREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA public;\n\n\n--\n-- Name: EXTENSION pgcrypto; Type: COMMENT; Schema: -; Owner: \n--\n\nCOMMENT ON EXTENSION pgcrypto IS 'cryptographic functions';\n")
w("--\n-- Name: statut_demande; Type: TYPE; Schema: public; Owner: ecole\n--\n\nCREATE TYPE public.statut_demande AS ENUM (\n    'recue',\n    'en_cours',\n    'close'\n);\n\n\nALTER TYPE public.statut_demande OWNER TO ecole;\n")
w("--\n-- Name: touch_updated_at(); Type: FUNCTION; Schema: public; Owner: ecole\n--\n\nCREATE FUNCTION public.touch_updated_at() RETURNS trigger\n    LANGUAGE plpgsql\n    AS $$\nBEGIN\n  NEW.updated_at := now();\n  RETURN NEW;\nEND;\n$$;\n\n\nALTER FUNCTION public.touch_updated_at() OWNER TO ecole;\n")
w("SET default_tablespace = '';\n\nSET default_table_access_method = heap;\n")
for (t, cmt, cols) in T:
    w(f"--\n-- Name: {t}; Type: TABLE; Schema: public; Owner: ecole\n--\n")
    body = []
    for (c, pt, mt, nn, dp, dm, cc) in cols:
        line = f"    {c} {pt}"
        if dp is not None: line += f" DEFAULT {dp}"
        if nn: line += " NOT NULL"
        body.append(line)
    w(f"CREATE TABLE public.{t} (\n" + ",\n".join(body) + "\n);\n\n")
    w(f"ALTER TABLE public.{t} OWNER TO ecole;\n")
    if cmt:
        w(f"--\n-- Name: TABLE {t}; Type: COMMENT; Schema: public; Owner: ecole\n--\n\nCOMMENT ON TABLE public.{t} IS {q(cmt)};\n")
    for (c, pt, mt, nn, dp, dm, cc) in cols:
        if cc:
            w(f"--\n-- Name: COLUMN {t}.{c}; Type: COMMENT; Schema: public; Owner: ecole\n--\n\nCOMMENT ON COLUMN public.{t}.{c} IS {q(cc)};\n")
    w(f"--\n-- Name: {t}_id_seq; Type: SEQUENCE; Schema: public; Owner: ecole\n--\n\nCREATE SEQUENCE public.{t}_id_seq\n    AS integer\n    START WITH 1\n    INCREMENT BY 1\n    NO MINVALUE\n    NO MAXVALUE\n    CACHE 1;\n\n\nALTER SEQUENCE public.{t}_id_seq OWNER TO ecole;\n")
    w(f"--\n-- Name: {t}_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: ecole\n--\n\nALTER SEQUENCE public.{t}_id_seq OWNED BY public.{t}.id;\n")
for (t, cmt, cols) in T:
    w(f"--\n-- Name: {t} id; Type: DEFAULT; Schema: public; Owner: ecole\n--\n\nALTER TABLE ONLY public.{t} ALTER COLUMN id SET DEFAULT nextval('public.{t}_id_seq'::regclass);\n")
for (t, cmt, cols) in T:
    w(f"--\n-- Name: {t} {t}_pkey; Type: CONSTRAINT; Schema: public; Owner: ecole\n--\n\nALTER TABLE ONLY public.{t}\n    ADD CONSTRAINT {t}_pkey PRIMARY KEY (id);\n")
for (t, c, u) in IDX:
    kind = "UNIQUE INDEX" if u else "INDEX"
    w(f"--\n-- Name: {t}_{c}_idx; Type: INDEX; Schema: public; Owner: ecole\n--\n\nCREATE {kind} {t}_{c}_idx ON public.{t} USING btree ({c});\n")
w("--\n-- Name: etudiants touch_etudiants; Type: TRIGGER; Schema: public; Owner: ecole\n--\n\nCREATE TRIGGER touch_etudiants BEFORE UPDATE ON public.etudiants FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();\n")
for (t, c, r) in FK:
    w(f"--\n-- Name: {t} {t}_{c}_fkey; Type: FK CONSTRAINT; Schema: public; Owner: ecole\n--\n\nALTER TABLE ONLY public.{t}\n    ADD CONSTRAINT {t}_{c}_fkey FOREIGN KEY ({c}) REFERENCES public.{r}(id) ON DELETE CASCADE;\n")
w("--\n-- Name: SCHEMA public; Type: ACL; Schema: -; Owner: pg_database_owner\n--\n\nGRANT USAGE ON SCHEMA public TO crm_reader;\n")
for (t, cmt, cols) in T:
    w(f"--\n-- Name: TABLE {t}; Type: ACL; Schema: public; Owner: ecole\n--\n\nGRANT SELECT ON TABLE public.{t} TO crm_reader;\n")
w("--\n-- PostgreSQL database dump complete\n--\n\n\\unrestrict Zq3kP9xv2LmN8tR4yW6b\n\n")
p = os.path.join(out, "postgres/pg_dump/ecole_schema.sql")
os.makedirs(os.path.dirname(p), exist_ok=True)
open(p, "w").write("\n".join(L))

# ---------------- mysqldump ----------------
L = []
w = L.append
w("-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)\n--\n-- Host: localhost    Database: ecole_crm\n-- ------------------------------------------------------\n-- Server version\t8.0.36\n")
w("/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;\n/*!40101 SET @OLD_CHARACTER_SET_RESULTS=@@CHARACTER_SET_RESULTS */;\n/*!40101 SET @OLD_COLLATION_CONNECTION=@@COLLATION_CONNECTION */;\n/*!50503 SET NAMES utf8mb4 */;\n/*!40103 SET @OLD_TIME_ZONE=@@TIME_ZONE */;\n/*!40103 SET TIME_ZONE='+00:00' */;\n/*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;\n/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;\n/*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO' */;\n/*!40111 SET @OLD_SQL_NOTES=@@SQL_NOTES, SQL_NOTES=0 */;\n")
fkmap = {}
for (t, c, r) in FK: fkmap.setdefault(t, []).append((c, r))
idxmap = {}
for (t, c, u) in IDX: idxmap.setdefault(t, []).append((c, u))
for n, (t, cmt, cols) in enumerate(T):
    w(f"--\n-- Table structure for table `{t}`\n--\n")
    w(f"DROP TABLE IF EXISTS `{t}`;\n/*!40101 SET @saved_cs_client     = @@character_set_client */;\n/*!50503 SET character_set_client = utf8mb4 */;")
    body = []
    for (c, pt, mt, nn, dp, dm, cc) in cols:
        line = f"  `{c}` {mt}"
        if mt.startswith("varchar") or mt == "text":
            line += " COLLATE utf8mb4_unicode_ci"
        if c == "id":
            line += " NOT NULL AUTO_INCREMENT"
        else:
            if nn: line += " NOT NULL"
            if dm is not None: line += f" DEFAULT {dm}"
            elif not nn: line += " DEFAULT NULL"
        if cc: line += f" COMMENT {q(cc)}"
        body.append(line)
    body.append("  PRIMARY KEY (`id`)")
    for (c, u) in idxmap.get(t, []):
        body.append(f"  {'UNIQUE KEY' if u else 'KEY'} `{t}_{c}_{'unique' if u else 'index'}` (`{c}`)")
    for (c, r) in fkmap.get(t, []):
        body.append(f"  CONSTRAINT `{t}_{c}_foreign` FOREIGN KEY (`{c}`) REFERENCES `{r}` (`id`) ON DELETE CASCADE")
    tail = f") ENGINE=InnoDB AUTO_INCREMENT={17 + n * 31} DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci"
    if cmt: tail += f" COMMENT={q(cmt)}"
    w(f"CREATE TABLE `{t}` (\n" + ",\n".join(body) + "\n" + tail + ";\n/*!40101 SET character_set_client = @saved_cs_client */;\n")
    data = ""
    if t == "formations":
        data = "INSERT INTO `formations` VALUES (1,'BTS-MCO','BTS Management commercial opérationnel','Formation en alternance; 2 ans',24,0.00,'2023-09-01 08:00:00'),(2,'BACH-RH','Bachelor Ressources humaines',NULL,36,7900.00,'2023-09-01 08:00:00'),(3,'MBA-DIG','MBA Stratégie digitale','L\\'excellence \\\"digitale\\\"',24,11500.00,'2024-01-15 09:30:00');\n"
    if t == "evenements":
        data = "INSERT INTO `evenements` VALUES (1,'Journée portes ouvertes','Campus Lyon','2026-02-07 10:00:00',200),(2,'Salon de l\\'Étudiant','Paris Expo; hall 4','2026-03-14 09:00:00',NULL);\n"
    w(f"--\n-- Dumping data for table `{t}`\n--\n\nLOCK TABLES `{t}` WRITE;\n/*!40000 ALTER TABLE `{t}` DISABLE KEYS */;\n{data}/*!40000 ALTER TABLE `{t}` ENABLE KEYS */;\nUNLOCK TABLES;\n")
w("/*!40103 SET TIME_ZONE=@OLD_TIME_ZONE */;\n\n/*!40101 SET SQL_MODE=@OLD_SQL_MODE */;\n/*!40014 SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS */;\n/*!40014 SET UNIQUE_CHECKS=@OLD_UNIQUE_CHECKS */;\n/*!40101 SET CHARACTER_SET_CLIENT=@OLD_CHARACTER_SET_CLIENT */;\n/*!40101 SET CHARACTER_SET_RESULTS=@OLD_CHARACTER_SET_RESULTS */;\n/*!40101 SET COLLATION_CONNECTION=@OLD_COLLATION_CONNECTION */;\n/*!40111 SET SQL_NOTES=@OLD_SQL_NOTES */;\n\n-- Dump completed on 2026-10-02 23:14:07\n")
p = os.path.join(out, "mysql/mysqldump/ecole_crm_dump.sql")
os.makedirs(os.path.dirname(p), exist_ok=True)
open(p, "w").write("\n".join(L))

--
-- PostgreSQL database dump
--

\restrict Zq3kP9xv2LmN8tR4yW6b

-- Dumped from database version 15.19 (Debian 15.19-1.pgdg120+1)
-- Dumped by pg_dump version 17.6

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET transaction_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: crm; Type: SCHEMA; Schema: -; Owner: ecole
--

CREATE SCHEMA crm;


ALTER SCHEMA crm OWNER TO ecole;

--
-- Name: pgcrypto; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA public;


--
-- Name: EXTENSION pgcrypto; Type: COMMENT; Schema: -; Owner: 
--

COMMENT ON EXTENSION pgcrypto IS 'cryptographic functions';

--
-- Name: statut_demande; Type: TYPE; Schema: public; Owner: ecole
--

CREATE TYPE public.statut_demande AS ENUM (
    'recue',
    'en_cours',
    'close'
);


ALTER TYPE public.statut_demande OWNER TO ecole;

--
-- Name: touch_updated_at(); Type: FUNCTION; Schema: public; Owner: ecole
--

CREATE FUNCTION public.touch_updated_at() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END;
$$;


ALTER FUNCTION public.touch_updated_at() OWNER TO ecole;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: formations; Type: TABLE; Schema: public; Owner: ecole
--

CREATE TABLE public.formations (
    id integer NOT NULL,
    code character varying(20) NOT NULL,
    nom character varying(200) NOT NULL,
    description text,
    duree_mois integer,
    tarif numeric(10,2),
    created_at timestamp without time zone DEFAULT now() NOT NULL
);


ALTER TABLE public.formations OWNER TO ecole;

--
-- Name: TABLE formations; Type: COMMENT; Schema: public; Owner: ecole
--

COMMENT ON TABLE public.formations IS 'Catalogue des formations';

--
-- Name: formations_id_seq; Type: SEQUENCE; Schema: public; Owner: ecole
--

CREATE SEQUENCE public.formations_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER SEQUENCE public.formations_id_seq OWNER TO ecole;

--
-- Name: formations_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: ecole
--

ALTER SEQUENCE public.formations_id_seq OWNED BY public.formations.id;

--
-- Name: etudiants; Type: TABLE; Schema: public; Owner: ecole
--

CREATE TABLE public.etudiants (
    id integer NOT NULL,
    nom character varying(100) NOT NULL,
    prenom character varying(100) NOT NULL,
    email character varying(255) NOT NULL,
    tel_portable character varying(20),
    date_naissance date,
    adresse character varying(255),
    code_postal character varying(5),
    ville character varying(100),
    nir character varying(15),
    boursier boolean DEFAULT false NOT NULL,
    formation_id integer,
    promo integer,
    statut character varying(20) DEFAULT 'inscrit'::character varying NOT NULL,
    created_at timestamp without time zone DEFAULT now() NOT NULL,
    updated_at timestamp without time zone
);


ALTER TABLE public.etudiants OWNER TO ecole;

--
-- Name: TABLE etudiants; Type: COMMENT; Schema: public; Owner: ecole
--

COMMENT ON TABLE public.etudiants IS 'Dossiers des étudiants inscrits';

--
-- Name: COLUMN etudiants.nir; Type: COMMENT; Schema: public; Owner: ecole
--

COMMENT ON COLUMN public.etudiants.nir IS 'Numéro de sécurité sociale (affiliation)';

--
-- Name: etudiants_id_seq; Type: SEQUENCE; Schema: public; Owner: ecole
--

CREATE SEQUENCE public.etudiants_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER SEQUENCE public.etudiants_id_seq OWNER TO ecole;

--
-- Name: etudiants_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: ecole
--

ALTER SEQUENCE public.etudiants_id_seq OWNED BY public.etudiants.id;

--
-- Name: prospects; Type: TABLE; Schema: public; Owner: ecole
--

CREATE TABLE public.prospects (
    id integer NOT NULL,
    nom character varying(100),
    prenom character varying(100),
    email character varying(255) NOT NULL,
    telephone character varying(20),
    origine character varying(50),
    optin_newsletter boolean DEFAULT true NOT NULL,
    dernier_contact timestamp without time zone,
    commentaire text,
    created_at timestamp without time zone DEFAULT now() NOT NULL
);


ALTER TABLE public.prospects OWNER TO ecole;

--
-- Name: TABLE prospects; Type: COMMENT; Schema: public; Owner: ecole
--

COMMENT ON TABLE public.prospects IS 'Prospects (salons, site web, journées portes ouvertes)';

--
-- Name: COLUMN prospects.origine; Type: COMMENT; Schema: public; Owner: ecole
--

COMMENT ON COLUMN public.prospects.origine IS 'salon, site, jpo, partenaire';

--
-- Name: prospects_id_seq; Type: SEQUENCE; Schema: public; Owner: ecole
--

CREATE SEQUENCE public.prospects_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER SEQUENCE public.prospects_id_seq OWNER TO ecole;

--
-- Name: prospects_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: ecole
--

ALTER SEQUENCE public.prospects_id_seq OWNED BY public.prospects.id;

--
-- Name: alumni; Type: TABLE; Schema: public; Owner: ecole
--

CREATE TABLE public.alumni (
    id integer NOT NULL,
    etudiant_id integer,
    nom character varying(100) NOT NULL,
    nom_naissance character varying(100),
    prenom character varying(100) NOT NULL,
    email character varying(255),
    promo integer NOT NULL,
    employeur character varying(200),
    poste character varying(200),
    publication_annuaire boolean DEFAULT false NOT NULL,
    derniere_activite timestamp without time zone
);


ALTER TABLE public.alumni OWNER TO ecole;

--
-- Name: TABLE alumni; Type: COMMENT; Schema: public; Owner: ecole
--

COMMENT ON TABLE public.alumni IS 'Annuaire des anciens';

--
-- Name: alumni_id_seq; Type: SEQUENCE; Schema: public; Owner: ecole
--

CREATE SEQUENCE public.alumni_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER SEQUENCE public.alumni_id_seq OWNER TO ecole;

--
-- Name: alumni_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: ecole
--

ALTER SEQUENCE public.alumni_id_seq OWNED BY public.alumni.id;

--
-- Name: candidats; Type: TABLE; Schema: public; Owner: ecole
--

CREATE TABLE public.candidats (
    id integer NOT NULL,
    nom character varying(100) NOT NULL,
    prenom character varying(100) NOT NULL,
    email character varying(255) NOT NULL,
    date_naissance date,
    nationalite character varying(50),
    formation_id integer NOT NULL,
    lettre_motivation text,
    appreciation text,
    decision character varying(20),
    recu_le timestamp without time zone DEFAULT now() NOT NULL
);


ALTER TABLE public.candidats OWNER TO ecole;

--
-- Name: TABLE candidats; Type: COMMENT; Schema: public; Owner: ecole
--

COMMENT ON TABLE public.candidats IS 'Candidatures aux formations';

--
-- Name: COLUMN candidats.appreciation; Type: COMMENT; Schema: public; Owner: ecole
--

COMMENT ON COLUMN public.candidats.appreciation IS 'Avis du jury';

--
-- Name: candidats_id_seq; Type: SEQUENCE; Schema: public; Owner: ecole
--

CREATE SEQUENCE public.candidats_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER SEQUENCE public.candidats_id_seq OWNER TO ecole;

--
-- Name: candidats_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: ecole
--

ALTER SEQUENCE public.candidats_id_seq OWNED BY public.candidats.id;

--
-- Name: donateurs; Type: TABLE; Schema: public; Owner: ecole
--

CREATE TABLE public.donateurs (
    id integer NOT NULL,
    civilite character varying(5),
    nom character varying(100) NOT NULL,
    prenom character varying(100),
    email character varying(255),
    adresse character varying(255),
    iban character varying(34),
    bic character varying(11),
    recu_fiscal boolean DEFAULT true NOT NULL,
    sollicitations_sans_reponse integer DEFAULT 0 NOT NULL
);


ALTER TABLE public.donateurs OWNER TO ecole;

--
-- Name: TABLE donateurs; Type: COMMENT; Schema: public; Owner: ecole
--

COMMENT ON TABLE public.donateurs IS 'Donateurs de l''association';

--
-- Name: COLUMN donateurs.iban; Type: COMMENT; Schema: public; Owner: ecole
--

COMMENT ON COLUMN public.donateurs.iban IS 'Prélèvement mensuel';

--
-- Name: donateurs_id_seq; Type: SEQUENCE; Schema: public; Owner: ecole
--

CREATE SEQUENCE public.donateurs_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER SEQUENCE public.donateurs_id_seq OWNER TO ecole;

--
-- Name: donateurs_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: ecole
--

ALTER SEQUENCE public.donateurs_id_seq OWNED BY public.donateurs.id;

--
-- Name: dons; Type: TABLE; Schema: public; Owner: ecole
--

CREATE TABLE public.dons (
    id integer NOT NULL,
    donateur_id integer NOT NULL,
    montant numeric(10,2) NOT NULL,
    date_don date NOT NULL,
    moyen character varying(20)
);


ALTER TABLE public.dons OWNER TO ecole;

--
-- Name: dons_id_seq; Type: SEQUENCE; Schema: public; Owner: ecole
--

CREATE SEQUENCE public.dons_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER SEQUENCE public.dons_id_seq OWNER TO ecole;

--
-- Name: dons_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: ecole
--

ALTER SEQUENCE public.dons_id_seq OWNED BY public.dons.id;

--
-- Name: paiements; Type: TABLE; Schema: public; Owner: ecole
--

CREATE TABLE public.paiements (
    id integer NOT NULL,
    etudiant_id integer NOT NULL,
    montant numeric(10,2) NOT NULL,
    numero_carte character varying(19),
    date_expiration character varying(5),
    cvv character varying(4),
    statut character varying(20) DEFAULT 'en_attente'::character varying NOT NULL,
    paye_le timestamp without time zone
);


ALTER TABLE public.paiements OWNER TO ecole;

--
-- Name: TABLE paiements; Type: COMMENT; Schema: public; Owner: ecole
--

COMMENT ON TABLE public.paiements IS 'Paiements des frais de scolarité';

--
-- Name: paiements_id_seq; Type: SEQUENCE; Schema: public; Owner: ecole
--

CREATE SEQUENCE public.paiements_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER SEQUENCE public.paiements_id_seq OWNER TO ecole;

--
-- Name: paiements_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: ecole
--

ALTER SEQUENCE public.paiements_id_seq OWNED BY public.paiements.id;

--
-- Name: interactions; Type: TABLE; Schema: public; Owner: ecole
--

CREATE TABLE public.interactions (
    id integer NOT NULL,
    personne_type character varying(20) NOT NULL,
    personne_id integer NOT NULL,
    canal character varying(20),
    commentaire text,
    auteur_id integer,
    created_at timestamp without time zone DEFAULT now() NOT NULL
);


ALTER TABLE public.interactions OWNER TO ecole;

--
-- Name: TABLE interactions; Type: COMMENT; Schema: public; Owner: ecole
--

COMMENT ON TABLE public.interactions IS 'Historique des échanges';

--
-- Name: interactions_id_seq; Type: SEQUENCE; Schema: public; Owner: ecole
--

CREATE SEQUENCE public.interactions_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER SEQUENCE public.interactions_id_seq OWNER TO ecole;

--
-- Name: interactions_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: ecole
--

ALTER SEQUENCE public.interactions_id_seq OWNED BY public.interactions.id;

--
-- Name: consentements; Type: TABLE; Schema: public; Owner: ecole
--

CREATE TABLE public.consentements (
    id integer NOT NULL,
    personne_type character varying(20) NOT NULL,
    personne_id integer NOT NULL,
    finalite character varying(50) NOT NULL,
    donne_le timestamp without time zone NOT NULL,
    retire_le timestamp without time zone,
    case_precochee boolean DEFAULT false NOT NULL,
    preuve text
);


ALTER TABLE public.consentements OWNER TO ecole;

--
-- Name: consentements_id_seq; Type: SEQUENCE; Schema: public; Owner: ecole
--

CREATE SEQUENCE public.consentements_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER SEQUENCE public.consentements_id_seq OWNER TO ecole;

--
-- Name: consentements_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: ecole
--

ALTER SEQUENCE public.consentements_id_seq OWNED BY public.consentements.id;

--
-- Name: utilisateurs; Type: TABLE; Schema: public; Owner: ecole
--

CREATE TABLE public.utilisateurs (
    id integer NOT NULL,
    login character varying(50) NOT NULL,
    email character varying(255) NOT NULL,
    mdp character varying(255) NOT NULL,
    role character varying(20) DEFAULT 'lecteur'::character varying NOT NULL,
    derniere_connexion timestamp without time zone,
    actif boolean DEFAULT true NOT NULL
);


ALTER TABLE public.utilisateurs OWNER TO ecole;

--
-- Name: TABLE utilisateurs; Type: COMMENT; Schema: public; Owner: ecole
--

COMMENT ON TABLE public.utilisateurs IS 'Comptes du personnel';

--
-- Name: utilisateurs_id_seq; Type: SEQUENCE; Schema: public; Owner: ecole
--

CREATE SEQUENCE public.utilisateurs_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER SEQUENCE public.utilisateurs_id_seq OWNER TO ecole;

--
-- Name: utilisateurs_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: ecole
--

ALTER SEQUENCE public.utilisateurs_id_seq OWNED BY public.utilisateurs.id;

--
-- Name: demandes_droits; Type: TABLE; Schema: public; Owner: ecole
--

CREATE TABLE public.demandes_droits (
    id integer NOT NULL,
    type_demande character varying(30) NOT NULL,
    personne_email character varying(255),
    recu_le timestamp without time zone NOT NULL,
    repondu_le timestamp without time zone,
    prolongee boolean DEFAULT false NOT NULL
);


ALTER TABLE public.demandes_droits OWNER TO ecole;

--
-- Name: TABLE demandes_droits; Type: COMMENT; Schema: public; Owner: ecole
--

COMMENT ON TABLE public.demandes_droits IS 'Registre des demandes d''exercice des droits';

--
-- Name: demandes_droits_id_seq; Type: SEQUENCE; Schema: public; Owner: ecole
--

CREATE SEQUENCE public.demandes_droits_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER SEQUENCE public.demandes_droits_id_seq OWNER TO ecole;

--
-- Name: demandes_droits_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: ecole
--

ALTER SEQUENCE public.demandes_droits_id_seq OWNED BY public.demandes_droits.id;

--
-- Name: entreprises; Type: TABLE; Schema: public; Owner: ecole
--

CREATE TABLE public.entreprises (
    id integer NOT NULL,
    raison_sociale character varying(255) NOT NULL,
    siret character varying(14),
    adresse character varying(255),
    contact_nom character varying(100),
    contact_email character varying(255)
);


ALTER TABLE public.entreprises OWNER TO ecole;

--
-- Name: entreprises_id_seq; Type: SEQUENCE; Schema: public; Owner: ecole
--

CREATE SEQUENCE public.entreprises_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER SEQUENCE public.entreprises_id_seq OWNER TO ecole;

--
-- Name: entreprises_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: ecole
--

ALTER SEQUENCE public.entreprises_id_seq OWNED BY public.entreprises.id;

--
-- Name: stages; Type: TABLE; Schema: public; Owner: ecole
--

CREATE TABLE public.stages (
    id integer NOT NULL,
    etudiant_id integer NOT NULL,
    entreprise_id integer NOT NULL,
    debut date NOT NULL,
    fin date,
    note_finale numeric(4,2),
    appreciation_tuteur text
);


ALTER TABLE public.stages OWNER TO ecole;

--
-- Name: stages_id_seq; Type: SEQUENCE; Schema: public; Owner: ecole
--

CREATE SEQUENCE public.stages_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER SEQUENCE public.stages_id_seq OWNER TO ecole;

--
-- Name: stages_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: ecole
--

ALTER SEQUENCE public.stages_id_seq OWNED BY public.stages.id;

--
-- Name: evenements; Type: TABLE; Schema: public; Owner: ecole
--

CREATE TABLE public.evenements (
    id integer NOT NULL,
    titre character varying(200) NOT NULL,
    lieu character varying(200),
    date_debut timestamp without time zone NOT NULL,
    places integer
);


ALTER TABLE public.evenements OWNER TO ecole;

--
-- Name: evenements_id_seq; Type: SEQUENCE; Schema: public; Owner: ecole
--

CREATE SEQUENCE public.evenements_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER SEQUENCE public.evenements_id_seq OWNER TO ecole;

--
-- Name: evenements_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: ecole
--

ALTER SEQUENCE public.evenements_id_seq OWNED BY public.evenements.id;

--
-- Name: participations; Type: TABLE; Schema: public; Owner: ecole
--

CREATE TABLE public.participations (
    id integer NOT NULL,
    evenement_id integer NOT NULL,
    personne_type character varying(20) NOT NULL,
    personne_id integer NOT NULL,
    regime_alimentaire character varying(50),
    present boolean
);


ALTER TABLE public.participations OWNER TO ecole;

--
-- Name: participations_id_seq; Type: SEQUENCE; Schema: public; Owner: ecole
--

CREATE SEQUENCE public.participations_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER SEQUENCE public.participations_id_seq OWNER TO ecole;

--
-- Name: participations_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: ecole
--

ALTER SEQUENCE public.participations_id_seq OWNED BY public.participations.id;

--
-- Name: formations id; Type: DEFAULT; Schema: public; Owner: ecole
--

ALTER TABLE ONLY public.formations ALTER COLUMN id SET DEFAULT nextval('public.formations_id_seq'::regclass);

--
-- Name: etudiants id; Type: DEFAULT; Schema: public; Owner: ecole
--

ALTER TABLE ONLY public.etudiants ALTER COLUMN id SET DEFAULT nextval('public.etudiants_id_seq'::regclass);

--
-- Name: prospects id; Type: DEFAULT; Schema: public; Owner: ecole
--

ALTER TABLE ONLY public.prospects ALTER COLUMN id SET DEFAULT nextval('public.prospects_id_seq'::regclass);

--
-- Name: alumni id; Type: DEFAULT; Schema: public; Owner: ecole
--

ALTER TABLE ONLY public.alumni ALTER COLUMN id SET DEFAULT nextval('public.alumni_id_seq'::regclass);

--
-- Name: candidats id; Type: DEFAULT; Schema: public; Owner: ecole
--

ALTER TABLE ONLY public.candidats ALTER COLUMN id SET DEFAULT nextval('public.candidats_id_seq'::regclass);

--
-- Name: donateurs id; Type: DEFAULT; Schema: public; Owner: ecole
--

ALTER TABLE ONLY public.donateurs ALTER COLUMN id SET DEFAULT nextval('public.donateurs_id_seq'::regclass);

--
-- Name: dons id; Type: DEFAULT; Schema: public; Owner: ecole
--

ALTER TABLE ONLY public.dons ALTER COLUMN id SET DEFAULT nextval('public.dons_id_seq'::regclass);

--
-- Name: paiements id; Type: DEFAULT; Schema: public; Owner: ecole
--

ALTER TABLE ONLY public.paiements ALTER COLUMN id SET DEFAULT nextval('public.paiements_id_seq'::regclass);

--
-- Name: interactions id; Type: DEFAULT; Schema: public; Owner: ecole
--

ALTER TABLE ONLY public.interactions ALTER COLUMN id SET DEFAULT nextval('public.interactions_id_seq'::regclass);

--
-- Name: consentements id; Type: DEFAULT; Schema: public; Owner: ecole
--

ALTER TABLE ONLY public.consentements ALTER COLUMN id SET DEFAULT nextval('public.consentements_id_seq'::regclass);

--
-- Name: utilisateurs id; Type: DEFAULT; Schema: public; Owner: ecole
--

ALTER TABLE ONLY public.utilisateurs ALTER COLUMN id SET DEFAULT nextval('public.utilisateurs_id_seq'::regclass);

--
-- Name: demandes_droits id; Type: DEFAULT; Schema: public; Owner: ecole
--

ALTER TABLE ONLY public.demandes_droits ALTER COLUMN id SET DEFAULT nextval('public.demandes_droits_id_seq'::regclass);

--
-- Name: entreprises id; Type: DEFAULT; Schema: public; Owner: ecole
--

ALTER TABLE ONLY public.entreprises ALTER COLUMN id SET DEFAULT nextval('public.entreprises_id_seq'::regclass);

--
-- Name: stages id; Type: DEFAULT; Schema: public; Owner: ecole
--

ALTER TABLE ONLY public.stages ALTER COLUMN id SET DEFAULT nextval('public.stages_id_seq'::regclass);

--
-- Name: evenements id; Type: DEFAULT; Schema: public; Owner: ecole
--

ALTER TABLE ONLY public.evenements ALTER COLUMN id SET DEFAULT nextval('public.evenements_id_seq'::regclass);

--
-- Name: participations id; Type: DEFAULT; Schema: public; Owner: ecole
--

ALTER TABLE ONLY public.participations ALTER COLUMN id SET DEFAULT nextval('public.participations_id_seq'::regclass);

--
-- Name: formations formations_pkey; Type: CONSTRAINT; Schema: public; Owner: ecole
--

ALTER TABLE ONLY public.formations
    ADD CONSTRAINT formations_pkey PRIMARY KEY (id);

--
-- Name: etudiants etudiants_pkey; Type: CONSTRAINT; Schema: public; Owner: ecole
--

ALTER TABLE ONLY public.etudiants
    ADD CONSTRAINT etudiants_pkey PRIMARY KEY (id);

--
-- Name: prospects prospects_pkey; Type: CONSTRAINT; Schema: public; Owner: ecole
--

ALTER TABLE ONLY public.prospects
    ADD CONSTRAINT prospects_pkey PRIMARY KEY (id);

--
-- Name: alumni alumni_pkey; Type: CONSTRAINT; Schema: public; Owner: ecole
--

ALTER TABLE ONLY public.alumni
    ADD CONSTRAINT alumni_pkey PRIMARY KEY (id);

--
-- Name: candidats candidats_pkey; Type: CONSTRAINT; Schema: public; Owner: ecole
--

ALTER TABLE ONLY public.candidats
    ADD CONSTRAINT candidats_pkey PRIMARY KEY (id);

--
-- Name: donateurs donateurs_pkey; Type: CONSTRAINT; Schema: public; Owner: ecole
--

ALTER TABLE ONLY public.donateurs
    ADD CONSTRAINT donateurs_pkey PRIMARY KEY (id);

--
-- Name: dons dons_pkey; Type: CONSTRAINT; Schema: public; Owner: ecole
--

ALTER TABLE ONLY public.dons
    ADD CONSTRAINT dons_pkey PRIMARY KEY (id);

--
-- Name: paiements paiements_pkey; Type: CONSTRAINT; Schema: public; Owner: ecole
--

ALTER TABLE ONLY public.paiements
    ADD CONSTRAINT paiements_pkey PRIMARY KEY (id);

--
-- Name: interactions interactions_pkey; Type: CONSTRAINT; Schema: public; Owner: ecole
--

ALTER TABLE ONLY public.interactions
    ADD CONSTRAINT interactions_pkey PRIMARY KEY (id);

--
-- Name: consentements consentements_pkey; Type: CONSTRAINT; Schema: public; Owner: ecole
--

ALTER TABLE ONLY public.consentements
    ADD CONSTRAINT consentements_pkey PRIMARY KEY (id);

--
-- Name: utilisateurs utilisateurs_pkey; Type: CONSTRAINT; Schema: public; Owner: ecole
--

ALTER TABLE ONLY public.utilisateurs
    ADD CONSTRAINT utilisateurs_pkey PRIMARY KEY (id);

--
-- Name: demandes_droits demandes_droits_pkey; Type: CONSTRAINT; Schema: public; Owner: ecole
--

ALTER TABLE ONLY public.demandes_droits
    ADD CONSTRAINT demandes_droits_pkey PRIMARY KEY (id);

--
-- Name: entreprises entreprises_pkey; Type: CONSTRAINT; Schema: public; Owner: ecole
--

ALTER TABLE ONLY public.entreprises
    ADD CONSTRAINT entreprises_pkey PRIMARY KEY (id);

--
-- Name: stages stages_pkey; Type: CONSTRAINT; Schema: public; Owner: ecole
--

ALTER TABLE ONLY public.stages
    ADD CONSTRAINT stages_pkey PRIMARY KEY (id);

--
-- Name: evenements evenements_pkey; Type: CONSTRAINT; Schema: public; Owner: ecole
--

ALTER TABLE ONLY public.evenements
    ADD CONSTRAINT evenements_pkey PRIMARY KEY (id);

--
-- Name: participations participations_pkey; Type: CONSTRAINT; Schema: public; Owner: ecole
--

ALTER TABLE ONLY public.participations
    ADD CONSTRAINT participations_pkey PRIMARY KEY (id);

--
-- Name: etudiants_email_idx; Type: INDEX; Schema: public; Owner: ecole
--

CREATE UNIQUE INDEX etudiants_email_idx ON public.etudiants USING btree (email);

--
-- Name: prospects_email_idx; Type: INDEX; Schema: public; Owner: ecole
--

CREATE UNIQUE INDEX prospects_email_idx ON public.prospects USING btree (email);

--
-- Name: prospects_dernier_contact_idx; Type: INDEX; Schema: public; Owner: ecole
--

CREATE INDEX prospects_dernier_contact_idx ON public.prospects USING btree (dernier_contact);

--
-- Name: interactions_personne_id_idx; Type: INDEX; Schema: public; Owner: ecole
--

CREATE INDEX interactions_personne_id_idx ON public.interactions USING btree (personne_id);

--
-- Name: consentements_personne_id_idx; Type: INDEX; Schema: public; Owner: ecole
--

CREATE INDEX consentements_personne_id_idx ON public.consentements USING btree (personne_id);

--
-- Name: alumni_promo_idx; Type: INDEX; Schema: public; Owner: ecole
--

CREATE INDEX alumni_promo_idx ON public.alumni USING btree (promo);

--
-- Name: candidats_formation_id_idx; Type: INDEX; Schema: public; Owner: ecole
--

CREATE INDEX candidats_formation_id_idx ON public.candidats USING btree (formation_id);

--
-- Name: utilisateurs_login_idx; Type: INDEX; Schema: public; Owner: ecole
--

CREATE UNIQUE INDEX utilisateurs_login_idx ON public.utilisateurs USING btree (login);

--
-- Name: paiements_etudiant_id_idx; Type: INDEX; Schema: public; Owner: ecole
--

CREATE INDEX paiements_etudiant_id_idx ON public.paiements USING btree (etudiant_id);

--
-- Name: dons_donateur_id_idx; Type: INDEX; Schema: public; Owner: ecole
--

CREATE INDEX dons_donateur_id_idx ON public.dons USING btree (donateur_id);

--
-- Name: etudiants touch_etudiants; Type: TRIGGER; Schema: public; Owner: ecole
--

CREATE TRIGGER touch_etudiants BEFORE UPDATE ON public.etudiants FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

--
-- Name: etudiants etudiants_formation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: ecole
--

ALTER TABLE ONLY public.etudiants
    ADD CONSTRAINT etudiants_formation_id_fkey FOREIGN KEY (formation_id) REFERENCES public.formations(id) ON DELETE CASCADE;

--
-- Name: alumni alumni_etudiant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: ecole
--

ALTER TABLE ONLY public.alumni
    ADD CONSTRAINT alumni_etudiant_id_fkey FOREIGN KEY (etudiant_id) REFERENCES public.etudiants(id) ON DELETE CASCADE;

--
-- Name: candidats candidats_formation_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: ecole
--

ALTER TABLE ONLY public.candidats
    ADD CONSTRAINT candidats_formation_id_fkey FOREIGN KEY (formation_id) REFERENCES public.formations(id) ON DELETE CASCADE;

--
-- Name: dons dons_donateur_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: ecole
--

ALTER TABLE ONLY public.dons
    ADD CONSTRAINT dons_donateur_id_fkey FOREIGN KEY (donateur_id) REFERENCES public.donateurs(id) ON DELETE CASCADE;

--
-- Name: paiements paiements_etudiant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: ecole
--

ALTER TABLE ONLY public.paiements
    ADD CONSTRAINT paiements_etudiant_id_fkey FOREIGN KEY (etudiant_id) REFERENCES public.etudiants(id) ON DELETE CASCADE;

--
-- Name: stages stages_etudiant_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: ecole
--

ALTER TABLE ONLY public.stages
    ADD CONSTRAINT stages_etudiant_id_fkey FOREIGN KEY (etudiant_id) REFERENCES public.etudiants(id) ON DELETE CASCADE;

--
-- Name: stages stages_entreprise_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: ecole
--

ALTER TABLE ONLY public.stages
    ADD CONSTRAINT stages_entreprise_id_fkey FOREIGN KEY (entreprise_id) REFERENCES public.entreprises(id) ON DELETE CASCADE;

--
-- Name: participations participations_evenement_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: ecole
--

ALTER TABLE ONLY public.participations
    ADD CONSTRAINT participations_evenement_id_fkey FOREIGN KEY (evenement_id) REFERENCES public.evenements(id) ON DELETE CASCADE;

--
-- Name: SCHEMA public; Type: ACL; Schema: -; Owner: pg_database_owner
--

GRANT USAGE ON SCHEMA public TO crm_reader;

--
-- Name: TABLE formations; Type: ACL; Schema: public; Owner: ecole
--

GRANT SELECT ON TABLE public.formations TO crm_reader;

--
-- Name: TABLE etudiants; Type: ACL; Schema: public; Owner: ecole
--

GRANT SELECT ON TABLE public.etudiants TO crm_reader;

--
-- Name: TABLE prospects; Type: ACL; Schema: public; Owner: ecole
--

GRANT SELECT ON TABLE public.prospects TO crm_reader;

--
-- Name: TABLE alumni; Type: ACL; Schema: public; Owner: ecole
--

GRANT SELECT ON TABLE public.alumni TO crm_reader;

--
-- Name: TABLE candidats; Type: ACL; Schema: public; Owner: ecole
--

GRANT SELECT ON TABLE public.candidats TO crm_reader;

--
-- Name: TABLE donateurs; Type: ACL; Schema: public; Owner: ecole
--

GRANT SELECT ON TABLE public.donateurs TO crm_reader;

--
-- Name: TABLE dons; Type: ACL; Schema: public; Owner: ecole
--

GRANT SELECT ON TABLE public.dons TO crm_reader;

--
-- Name: TABLE paiements; Type: ACL; Schema: public; Owner: ecole
--

GRANT SELECT ON TABLE public.paiements TO crm_reader;

--
-- Name: TABLE interactions; Type: ACL; Schema: public; Owner: ecole
--

GRANT SELECT ON TABLE public.interactions TO crm_reader;

--
-- Name: TABLE consentements; Type: ACL; Schema: public; Owner: ecole
--

GRANT SELECT ON TABLE public.consentements TO crm_reader;

--
-- Name: TABLE utilisateurs; Type: ACL; Schema: public; Owner: ecole
--

GRANT SELECT ON TABLE public.utilisateurs TO crm_reader;

--
-- Name: TABLE demandes_droits; Type: ACL; Schema: public; Owner: ecole
--

GRANT SELECT ON TABLE public.demandes_droits TO crm_reader;

--
-- Name: TABLE entreprises; Type: ACL; Schema: public; Owner: ecole
--

GRANT SELECT ON TABLE public.entreprises TO crm_reader;

--
-- Name: TABLE stages; Type: ACL; Schema: public; Owner: ecole
--

GRANT SELECT ON TABLE public.stages TO crm_reader;

--
-- Name: TABLE evenements; Type: ACL; Schema: public; Owner: ecole
--

GRANT SELECT ON TABLE public.evenements TO crm_reader;

--
-- Name: TABLE participations; Type: ACL; Schema: public; Owner: ecole
--

GRANT SELECT ON TABLE public.participations TO crm_reader;

--
-- PostgreSQL database dump complete
--

\unrestrict Zq3kP9xv2LmN8tR4yW6b


"""The words of NKR outcomes: which expressions point to which category and level.

Built from the level descriptors in *Nasjonalt kvalifikasjonsrammeverk for livslang læring*
(Kunnskapsdepartementet, 2011), the KLAR guide's advice on writing outcomes (Haug mfl., 2017:
"kjenne til, ha kunnskap om, ha innsikt i" for kunnskap; "anvende, reflektere over, finne,
vurdere og henvise til, beherske" for ferdigheter; "planlegge og gjennomføre, formidle,
utveksle synspunkter, kjenne til nytenkning" for generell kompetanse) and the forms published
study plans use. Each cue is a regular expression over the lower-cased outcome, with a weight:
the category whose cues weigh most wins. Verbs are written as stems with their endings so that
infinitive, present tense and nynorsk forms all match ("analysere", "analyserer").
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from enum import Enum

from myndig.i18n import t


class Category(Enum):
    """The three NKR categories of learning outcome."""

    KUNNSKAP = "kunnskap"
    FERDIGHETER = "ferdigheter"
    GENERELL_KOMPETANSE = "generell_kompetanse"

    @property
    def label(self) -> str:
        return t(f"nkr.kategori_{self.value}")


K, F, G = Category.KUNNSKAP, Category.FERDIGHETER, Category.GENERELL_KOMPETANSE


@dataclass(frozen=True)
class Cue:
    category: Category
    weight: float
    pattern: re.Pattern[str]
    # A verb cue is an action the learner performs; counting them finds several verbs.
    verb: bool
    # The wording of NKR itself or of the KLAR guide: the course teaches it, so the analyser
    # keeps to it even where some published plans file the same words under another heading.
    from_nkr: bool = True

    @property
    def key(self) -> str:
        """A name for the cue that stays the same while its expression does (the model's record)."""
        return hashlib.sha256(self.pattern.pattern.encode("utf-8")).hexdigest()[:12]


def _cue(category: Category, weight: float, expression: str, *, verb: bool = True,
         from_nkr: bool = True) -> Cue:
    return Cue(category, weight, re.compile(rf"(?<![\w-])(?:{expression})(?![\w-])"), verb,
               from_nkr)


HAR = r"(?:har|ha|å ha|skal ha)"
CUES: tuple[Cue, ...] = (
    # --- kunnskap -------------------------------------------------------------------------
    _cue(K, 4.0, HAR + r" (?:[\w-]+ ){0,4}(?:\w*kunnskap|\w*kunnskaper|\w*kunnskapar|kjennskap|"
         r"oversikt|forståelse|forståing)", verb=False),
    # List items under the stem "Studenten har": "inngående kunnskap om …" with no verb.
    _cue(K, 3.5, r"(?:bred|brei|inngående|inngåande|avansert|grundig|god|solid|utvidet|utvida|"
         r"utdypet|fordypet|spesialisert|dyp|djup)\w* (?:[\w-]+ ){0,3}(?:kunnskap|kunnskaper|"
         r"kunnskapar|forståelse|forståing) (?:om|i|av|for|innen|innan)", verb=False),
    # NKR puts keeping one's knowledge up to date under kunnskap.
    _cue(K, 4.0, r"(?:hold(?:e|er)|halde[r]?) seg (?:faglig |fagleg )?oppdatert", verb=False),
    _cue(K, 3.0, r"kjenne[r]? (?:godt )?til|kjenne[r]? (?:godt )?(?:hovedtrekk|hovudtrekk)\w*"),
    _cue(K, 2.5, HAR + r" (?:[\w-]+ ){0,2}innsikt i", verb=False),
    _cue(K, 4.0, r"er i kunnskapsfronten|i fremste front", verb=False),
    _cue(K, 3.0, r"gjøre rede for|gjer[e]? greie for|gjør rede for|redegjøre for|"
         r"redegjør for|greie[r]? ut om|gjøre greie for"),
    _cue(K, 2.5, r"forklar(?:e|er|ar|a)|beskriv(?:e|er)|skildr(?:e|ar|a)|definer(?:e|er)|"
         r"gjengi[r]?|nevn(?:e|er)|presenter(?:e|er)|sammenlikn(?:e|er)|samanlikn(?:e|ar)|"
         r"sammenlign(?:e|er)|gjenkjenn(?:e|er)|karakteriser(?:e|er)|klassifiser(?:e|er)|"
         r"skille(?:r)? mellom"),
    _cue(K, 4.0, r"oppdater(?:e|er) (?:sin|si|sitt|sine|egen|eigen) (?:\w+ )?kunnskap\w*"),
    _cue(K, 5.0, r"anvend(?:e|er) kunnskap på nye områder innen\w*|"
         r"bidra[r]? til utvikling av ny kunnskap", verb=False),
    _cue(K, 4.0, r"med utgangspunkt i fagområdets historie|vurdere hensiktsmessigheten",
         verb=False),
    _cue(K, 2.0, r"forstå[r]?|forstå seg på|vet|veit|vite|kjenne[r]? til|kjenne[r]?"),
    _cue(K, 0.6, r"teori\w*|begrep\w*|omgrep\w*|modell\w*|historie\w*|tradisjon\w*|"
         r"prinsipp\w*|fakta|lovverk\w*|regelverk\w*|forskning\w*|forsking\w*|"
         r"hovedtrekk\w*|hovudtrekk\w*|kjennetegn\w*|kjenneteikn\w*|egenart|eigenart|"
         r"lov(?:en|er|ar)?|forskrift\w*|perspektiv\w*|sammenheng\w*|samanheng\w*",
         verb=False),
    # --- ferdigheter ----------------------------------------------------------------------
    _cue(F, 4.5, HAR + r" (?:[\w-]+ ){0,2}(?:ferdighet\w*|ferdigheit\w*|"
         r"praktisk\w* erfaring|trening i)", verb=False),
    _cue(F, 2.5, r"anvend(?:e|er)|bruk(?:e|er)|nytt(?:e|ar)|ta[r]? i bruk|behersk(?:e|er|ar)|"
         r"mestr(?:e|er)|meistr(?:e|ar)|utfør(?:e|er)|kartlegg(?:e|er|ja)|beregn(?:e|er)|"
         r"berekn(?:e|ar)|utarbeid(?:e|er)|utform(?:e|er|a)|lag(?:e|er)|skriv(?:e|er)|"
         r"dokumenter(?:e|er)|tolk(?:e|er|ar|a)|måle[r]?|observer(?:e|er)|programmer(?:e|er)|"
         r"søk(?:e|er)|innhent(?:e|er|a)|gjennomfør(?:e|er) (?:en |ei |et |eit )?(?:\w+ )?"
         r"(?:samtale\w*|kartlegging\w*|undersøking\w*|undersøkelse\w*|analyse\w*|intervju\w*|"
         r"prosedyre\w*|tiltak\w*|vurdering\w*|veiledning\w*|rettleiing\w*|forsknings\w*|"
         r"utviklingsprosjekt\w*|prosjekt\w*)|løs(?:e|er|a)|håndter(?:e|er)|handter(?:e|ar)|"
         r"veiled(?:e|er)|rettleie[r]?|motiver(?:e|er)|administrer(?:e|er)|følge[r]? opp|"
         r"iverksett(?:e|er)|utvikl(?:e|er|a) (?:\w+ )?(?:plan\w*|verktøy\w*|metode\w*|"
         r"tiltak\w*|program\w*)|anvende(?:r)? (?:\w+ )?metod\w*|tilpass(?:e|er|a)|"
         r"vurder(?:e|er) (?:og )?(?:\w+ )?(?:behov|tiltak|situasjon\w*|risiko\w*|"
         r"informasjon\w*|kilde\w*|kjelde\w*)"),
    _cue(F, 2.0, r"analyser(?:e|er|a)|relater(?:e|er|a)|finn(?:e|er)|henvis(?:e|er)|"
         r"vis(?:e|er) til|"
         r"identifiser(?:e|er|a)|framstill(?:e|er|a)|fremstill(?:e|er)|juster(?:e|er|a)|"
         r"velg(?:e|er)|vel(?:je)?|drøft(?:e|er|a)|diskuter(?:e|er|a)|begrunn(?:e|er)|"
         r"grunngje(?:v)?|argumenter(?:e|er|a)|forhold(?:e|er) seg kritisk|vurder(?:e|er|a)|"
         r"reflekter(?:e|er|a) (?:kritisk )?over|strukturer(?:e|er)|formuler(?:e|er)|"
         r"kritisk vurdere|evaluer(?:e|er|a)|prioriter(?:e|er|a)|planlegg(?:e|er|je)|"
         r"undersøk(?:e|er|ja)|utvikl(?:e|er|a)|gjennomfør(?:e|er)|treffe[r]? begrunn\w* valg|"
         r"samtal(?:e|er|a) med|intervju(?:e|er|a)|undervis(?:e|er)|sett(?:e|er) opp|"
         r"stille[r]? spørsmål|ta[r]? (?:i )?vare på|ivareta[r]?|utrede|utgreie|"
         r"gjør(?:e)? (?:\w+ )?(?:analyser|beregninger|vurderinger|undersøkelser)"),
    _cue(F, 0.7, r"metod\w*|verktøy\w*|teknikk\w*|instrument\w*|prosedyr\w*|"
         r"problemløsning\w*|informasjonskilde\w*|fagstoff|data|kjelder|kilder|"
         r"uttrykksform\w*|dokumentasjon|journal\w*|utstyr\w*|programvar\w*|"
         r"kartleggingsverktøy\w*|samtalemetodikk|metodikk\w*|metodikken", verb=False),
    _cue(F, 5.0, r"planlegg(?:e|er|je) og gjennomfør(?:e|er) (?:en |ei |et |eit )?(?:[\w-]+ ){0,3}"
         r"(?:datainnsamling\w*|undersøkels\w*|undersøking\w*|litteratursøk\w*|analyse\w*|"
         r"intervju\w*|eksperiment\w*|forsøk\w*|måling\w*)", verb=False),
    # --- generell kompetanse --------------------------------------------------------------
    _cue(G, 4.5, r"planlegg(?:e|er|je) og gjennomfør(?:e|er)|utveksl(?:e|er) synspunkt\w*|"
         r"utveksl(?:e|er) erfaring\w*|kjenne[r]? til nytenk\w*|"
         r"anvend(?:e|er) sine kunnskaper og ferdigheter", verb=False),
    _cue(G, 3.0, r"formidl(?:e|er|a)|kommuniser(?:e|er|a)|samarbeid(?:e|er|a)|samhandl(?:e|er|a)|"
         r"bidra[r]? (?:aktivt )?(?:til|i|med)|ta[r]? ansvar|"
         r"arbeid(?:e|er) (?:selvstendig|sjølvstendig|tverrfaglig|tverrfagleg|etisk|i team)|"
         r"jobb(?:e|er) (?:selvstendig|tverrfaglig|i team)"),
    # Not NKR's words but how plans often phrase their generell kompetanse; some plans put the
    # same verbs under ferdigheter ("kan lede pedagogiske prosesser"), so the training plans'
    # record decides how far these are trusted (myndig.model.nkr.category.RELIABLE_RULE).
    _cue(G, 3.0, r"leie[r]?|lede[r]?|initier(?:e|er)|"
         r"opptr(?:e|er|å)|bygg(?:e|er|ja) (?:\w+ )?relasjon\w*|"
         r"etabler(?:e|er) (?:\w+ )?relasjon\w*|"
         r"delta[r]? (?:aktivt )?(?:[\w-]+ )?i|møt(?:e|er) (?:\w+ ){0,3}med (?:respekt|omsorg|"
         r"empati|innlevelse)|vise[r]? respekt|inngå[r]? i|fremm(?:e|er)|"
         r"fremj(?:e|ar)|styrk(?:e|er) (?:\w+ )?(?:samarbeid|medvirkning|myndiggjøring)|"
         r"gå[r]? inn i|stå[r]? for|utøv(?:e|er) (?:\w+ )?(?:ledelse|leiing|rolle\w*|yrke\w*)",
         from_nkr=False),
    _cue(G, 4.5, r"utvikl(?:e|er|a) (?:[\w-]+ ){0,2}(?:holdning\w*|haldning\w*|bevissthet|medvit|"
         r"identitet|yrkesidentitet)", verb=False),
    _cue(G, 2.5, r"reflekter(?:e|er|a) (?:kritisk )?over (?:\w+ ){0,2}(?:egen|eigen|egne|eigne|"
         r"sin|si|sitt|sine) (?:\w+ )?(?:rolle\w*|praksis|læring|verdi\w*|holdning\w*|"
         r"haldning\w*|yrkesutøvelse|yrkesrolle\w*|ledelse|leiing|atferd)", verb=False),
    _cue(G, 5.5, r"(?:fag-|yrkes-|forsknings-|profesjons-)? ?(?:og )?(?:\w+-? )?"
         r"(?:etisk\w*|yrkesetisk\w*|forskningsetisk\w*|profesjonsetisk\w*) "
         r"(?:problemstilling\w*|dilemma\w*|utfordring\w*|spørsmål|krav|prinsipp\w*|normer)|"
         r"etisk\w* grunnholdning|grunnholdning|i tråd med etiske",
         verb=False),
    _cue(G, 2.0, r"etisk\w*|holdning\w*|haldning\w*|verdi(?:er|ar|grunnlag)\w*|nytenk\w*|"
         r"innovasjon\w*|tverrfaglig\w*|tverrfagleg\w*|tverrprofesjonel\w*|"
         r"brukermedvirkning|brukarmedverknad|myndiggjør\w*|medarbeiderskap|"
         r"yrkesrolle\w*|profesjonsrolle\w*|god praksis|praksisfellesskap\w*|"
         r"livslang læring|egen læring|eiga læring|eigen læring|egen kompetanse|"
         r"spesialister og til allmennheten|allmennheten|allmenta|samarbeidspartner\w*|"
         r"samarbeidspartnar\w*|arbeidsmiljø\w*|kollega\w*|fellesskap\w*|"
         r"kvalitetsforbedring\w*|endringsarbeid\w*|endringsprosess\w*|"
         r"faglig forsvarlig|ansvarlighet|ansvarlegheit", verb=False),
    _cue(G, 2.5, HAR + r" (?:\w+ ){0,2}(?:kompetanse|evne|evner|vilje|bevissthet|medvit|"
         r"respekt|forståelse for etikk)|har utviklet|har utvikla|"
         r"er (?:\w+ )?(?:bevisst|medviten|trygg|fortrolig)", verb=False),
)

# Verbs a reader cannot observe: the outcome must say what the learner *does* to show it.
UNOBSERVABLE = (
    ("forstå", r"forstå[r]?|forsto|forstått"),
    ("vite", r"vite|vet|veit"),
    ("lære", r"lære[r]?(?: seg| om)?|lærer(?: seg| om)?"),
    ("bli kjent med", r"bli[r]? kjen(?:t|d|nt) med"),
    ("være bevisst", r"(?:være|vere|er|bli|blir) (?:\w+ )?(?:bevisst|medviten|klar over)"),
    ("få innsikt", r"få[r]? (?:\w+ )?(?:innsikt|innblikk|kjennskap|forståelse|forståing|"
     r"kunnskap)"),
    ("sette pris på", r"sette[r]? pris på|verdsett(?:e|er)"),
    ("innse", r"innse[r]?|oppleve[r]?|føle[r]?|tenke[r]?(?! kritisk)"),
    ("beherske", r"ha (?:god )?kontroll på"),
)
UNOBSERVABLE_PATTERNS = tuple(
    (name, re.compile(rf"(?<![\w-])(?:{expression})(?![\w-])")) for name, expression in UNOBSERVABLE
)

# What to write instead of an unobservable verb, by category: the NKR's own verbs.
REPLACEMENTS = {
    Category.KUNNSKAP: "«har kunnskap om», «kjenner til», «kan gjøre rede for», «kan forklare»",
    Category.FERDIGHETER: "«kan anvende», «kan vurdere», «kan analysere», «kan finne og henvise "
                          "til»",
    Category.GENERELL_KOMPETANSE: "«kan formidle», «kan planlegge og gjennomføre», «kan reflektere"
                                  " over egen praksis», «kan utveksle synspunkter»",
}

# Subjects and phrases that describe the teaching, not what the learner can do afterwards.
TEACHER_CENTRED = re.compile(
    r"^(?:kurset|kurs|emnet|studiet|programmet|undervisningen|undervisninga|opplæringen|"
    r"opplæringa|studieprogrammet|faget|"
    r"opplæringa|forelesningen|forelesninga|seminaret|modulen|samlingen|samlinga|vi|"
    r"foreleseren|foreleser|læreren|lærar|vi skal|målet med \w+)(?![\w-])"
    r"|(?<![\w-])(?:skal få|skal få en|får|vil få|(?:gi[rs]?|gjev|gje) (?:\w+ ){0,3}"
    r"(?:en |ei |et |eit |ein )?(?:innføring|introduksjon|oversikt|innblikk|kjennskap|"
    r"forståelse|forståing|kunnskap)|"
    r"introduser(?:e|er|es)|gjennomgå[rs]?|presentere[rs]? for|tilby[rr]?)(?![\w-])"
)

PASSIVE = re.compile(
    r"(?<![\w-])(?:(?:skal|kan|vil|må|bør) (?:(?:ikke|ikkje|også|òg|bare|berre|alltid|ofte) )?"
    r"\w{3,}(?:es|ast)|"
    r"(?:blir|bli|ble|vert|verte|vart|blitt) \w{3,}(?:et|t|d|dd|a))(?![\w-])"
)
# Words ending in -es/-ast after a modal that are not passive forms.
NOT_PASSIVE = frozenset({"prosess", "kunnskapsprosess", "fremst", "minst", "best", "mest",
                         "sist", "først", "ses", "fast", "kontrast", "kast", "interesse"})

# Words the kit's own field uses that the hunspell dictionaries lack.
FIELD_WORDS = (
    "kunnskapsarena", "kunnskapsarenaer", "medarbeiderskap", "myndiggjøring", "myndiggjørende",
    "myndiggjort", "myndiggjorte", "arbeidsplasslæring", "kompetanseagent", "kompetanseagenter",
    "kollegaveiledning", "læringsutbyttebeskrivelse", "læringsutbyttebeskrivelser",
    "relasjonsorientert", "kunnskapsflyt", "salutogenese", "salutogenesis", "tillitsreformen",
    "kunnskapsfronten", "nytenkning", "nytenking", "NKR", "KLAR", "Sveiby", "Røyken", "Hurum",
    "SE-metodikken", "MI", "arbeidsmarkedskompetanse", "ferdigheiter", "brukarmedverknad",
    "sjølvleiing", "innovasjonsprosesser", "forskningsetiske", "yrkesetiske",
    "arbeidsmarkedsloven", "arbeidsmarkedstiltak", "fagmøte", "fagmøtet", "fagmøter",
    "fagmøtene", "teammøte", "teammøtet", "kontormøte", "kontormøtet", "personalseminar",
    "personalseminaret", "læringsutbytter", "læringstema", "læringstemaer", "arbeidsevnevurdering",
    "aktivitetsplan", "aktivitetsplanen", "oppfølgingsvedtak", "brukermedvirkning",
)

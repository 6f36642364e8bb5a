"""Each report's language, detected at ingest (py3langid): only a report plainly in another language than English is
marked so; a short text, or an English one thick with foreign names, is read."""
from __future__ import annotations

import pytest

from casewatch.ingest import ACCEPTED, read_path
from casewatch.ingest.language import detect, name
from casewatch.settings import Settings
from tests.conftest import EXAMPLES

RUSSIAN = ("Правозащитный центр сообщает, что 14 марта 2026 года в Казани был задержан журналист Игорь Семёнов. "
           "Суд избрал ему меру пресечения в виде заключения под стражу на два месяца. Его обвиняют по статье 207.3 "
           "Уголовного кодекса в распространении заведомо ложной информации об армии. Адвокат Семёнова Анна "
           "Кравец заявила, что обжалует решение суда, и назвала дело политически мотивированным.")
FRENCH = ("Le 14 mars 2026, la police a arrêté à Tunis la journaliste Leïla Ben Salah, correspondante d'un média "
          "indépendant. Le juge d'instruction a ordonné son placement en détention provisoire pour diffusion de "
          "fausses nouvelles, en vertu de l'article 24 du décret-loi 54. Son avocat, Maître Karim Jaziri, a "
          "dénoncé une procédure politique et demandé sa libération immédiate.")
ENGLISH = ("On 14 March 2026 police in Kazan detained the journalist Igor Semyonov. The court remanded him in custody "
           "for two months on charges of spreading false information about the army under Article 207.3 of the "
           "Criminal Code. His lawyer Anna Kravets said she would appeal and called the case politically motivated.")


def test_languages_of_small_real_texts():
    assert detect(RUSSIAN) == "ru" and name("ru") == "Russian"
    assert detect(FRENCH) == "fr" and name("fr") == "French"
    assert detect(ENGLISH) == "en"


@pytest.mark.parametrize("text", [
    "Арестован адвокат Иван Петров.",  # too short to tell: read
    # an English sentence that is mostly names (py3langid alone says Shona)
    "Defendants: Tafadzwa Chikwanha, Nyasha Moyo, Farai Dube, Sevinj Aliyeva, Nigar Hasanova, Aysel Karimli, "
    "Marlenis Quesada Rivero, Yanelis Otero Fuentes, Alain Benítez Marrero, Rauf Mammadov and Farid Gurbanov "
    "were remanded.",
    "Tafadzwa Chikwanha, Nyasha Moyo, Farai Dube, Chipo Mutasa, Tendai Nyathi, Rudo Chiweshe, Kudzai Mhlanga, "
    "Tinashe Gumbo, Rumbidzai Chikore, Simbarashe Ndlovu and Tatenda Mupfumi were arrested in Chitungwiza.",
])
def test_short_or_name_heavy_english_is_read(text):
    assert detect(text) in (None, "en")


def test_the_example_reports_are_english_but_six_in_spanish_two_in_french_and_one_in_portuguese():
    """Every report of examples/ is detected English, but six in Spanish: the municipal court's sentence in the
    Cuba case, a news story and a judge's order in the Colombia case, the appeal chamber's ruling in the Bolivia case,
    the rights groups' statement and the court's verdict in the Argentina case; two in French, news stories on the
    appeals in the Rwanda and the Lebanon cases; and one in Portuguese, a press union's statement in the Mozambique
    case; the extractor reads only the laws they cite (their cases still hold their floors,
    tests/casefile/test_own_cases.py)."""
    settings = Settings(db_url="sqlite://")
    found = {}
    for f in sorted(EXAMPLES.glob("*/*")):
        if f.suffix.lower() in ACCEPTED:
            found[f"{f.parent.name}/{f.name}"] = read_path(f, settings).language
    assert len(found) > 100
    others = {k: v for k, v in found.items() if v != "en"}
    assert others == {"cuba_11j/004_tribunal-municipal-centro-habana_sentencia-causa-12-2022.txt": "es",
                      "colombia_leaders/003_caribehoy_jueza-niega-revocar-medida.html": "es",
                      "colombia_leaders/004_juzgado1-especializado-cartagena_revocatoria-medida.txt": "es",
                      "rwanda_rusesabagina/003_courrier-grands-lacs_appel-rusesabagina.html": "fr",
                      "mozambique_cabodelgado/001_misa-mocambique_comunicado-germano-adriano.txt": "pt",
                      "lebanon_tripoli35/005_courrier-du-levant_cassation-militaire-tripoli.md": "fr",
                      "argentina_milagrosala/001_cels-amnistia-andhes_comunicado-sala.txt": "es",
                      "argentina_milagrosala/004_poder-judicial-jujuy_veredicto-pibes-villeros.txt": "es",
                      "bolivia_camacho/001_tdj-la-paz_auto-de-vista-apelacion.txt": "es"}

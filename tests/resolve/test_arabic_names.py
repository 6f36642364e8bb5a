"""Arabic name parts in person keys (model/data/translit.yaml name_articles, leading_articles, name_prefixes)."""
from __future__ import annotations

from casewatch.model.names import person_key
from casewatch.resolve import resolve
from tests.resolve.test_resolve import ex, groups


def test_the_article_and_a_compound_part_are_written_at_will():
    k = person_key("Karim Abdel Latif el-Masri")
    assert person_key("Kareem Abd el-Latif al-Masri") == k
    assert person_key("Karim Abdellatif El Masri") == k
    assert person_key("El-Masri") == person_key("El Masri") == person_key("al-Masri") == (k[-1],)
    assert len(person_key("Al Porter")) == 2  # a capital "Al" opening a name may be a given name
    assert person_key("Omar Abu Hamed") == person_key("Omar Abou Hamed") and len(person_key("Omar Abu Hamed")) == 2


def test_two_people_of_one_surname_with_and_without_the_article_stay_apart():
    ents = resolve({"a": ex("a", ("person", "Karim Abdel Latif el-Masri"), ("person", "Samir el-Masri"),
                            ("person", "El Masri")),
                    "b": ex("b", ("person", "Kareem Abd el-Latif al-Masri"), ("person", "Karim al-Masri"),
                            ("person", "El-Masri")),
                    "c": ex("c", ("person", "Samir Fathi El-Masri"), ("person", "Samir al-Masri"))})
    g = groups(ents)
    assert any({"Karim Abdel Latif el-Masri", "Karim al-Masri", "Kareem Abd el-Latif al-Masri"} <= set(x) for x in g)
    assert any({"Samir el-Masri", "Samir Fathi El-Masri", "Samir al-Masri"} <= set(x) for x in g)
    assert not any({"Karim al-Masri", "Samir al-Masri"} <= set(x) for x in g)
    assert not any("El Masri" in x for x in g)  # report a names both: the bare surname goes to nobody


def test_a_compound_given_name_is_one_word_apart_or_joined():
    assert person_key("Khair Eddine al-Tahiri") == person_key("Kheireddine Tahiri")
    assert person_key("Nour Eddine Sami") == person_key("Noureddine Sami")
    assert person_key("Saif Ullah Marwat") == person_key("Saifullah Marwat")
    assert person_key("Khair Samir") != person_key("Kheireddine Samir")


def test_the_name_shown_is_the_one_running_text_writes():
    ents = resolve({"a": ex("a", ("person", "AL-TAHIRI Samir Hassan"), ("person", "AL-TAHIRI Samir Hassan")),
                    "b": ex("b", ("person", "Samir Hassan al-Tahiri"))})
    assert [e.name for e in ents if e.kind == "person"] == ["Samir Hassan al-Tahiri"]

from sundplan_qgis.parsing import split_list


def test_semicolons_keep_commas_inside_names():
    assert split_list("Øre-, næse- og hals; Kardiologi ;") == ("Øre-, næse- og hals", "Kardiologi")


def test_commas_when_no_semicolon():
    assert split_list(" Kardiologi,Neurologi , ") == ("Kardiologi", "Neurologi")


def test_empty():
    assert split_list("") == () and split_list(None) == () and split_list(" ; ") == ()


def test_new_lines():
    assert split_list("a\nb, c") == ("a", "b, c")

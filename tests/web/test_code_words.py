"""Codes on the child's record are shown in plain words, with the code beside them."""

from __future__ import annotations

from tests.conftest import signed_in
from tests.factories import CINEpisodeFactory, PersonDisabilityFactory


def test_record_shows_codes_in_plain_words(social_worker, child):
    CINEpisodeFactory(child=child, referral_source="6", primary_need="N1")
    PersonDisabilityFactory(person=child, code="AUT")
    body = signed_in(social_worker).get(f"/children/{child.pk}/").content.decode()
    assert "Police (6)" in body
    assert "Abuse, neglect and exploitation (N1)" in body
    assert "Autism or Asperger syndrome (AUT)" in body

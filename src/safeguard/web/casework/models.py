"""The child's journey, in the sector's words (Standard Safeguarding Dataset and the returns).

Each field that feeds a statutory return says which in its help text. Coded values are checked
against the code lists in `safeguard.core.codes`, which are keyed by collection year; the
database keeps the code as recorded.
"""

from __future__ import annotations

from django.core.validators import MaxValueValidator
from django.db import models

from safeguard.web.history import Recorded


class Person(Recorded):
    """A child, young person or adult known to the service (SSD ssd_person)."""

    class Sex(models.TextChoices):
        MALE = "M", "Male"
        FEMALE = "F", "Female"
        UNKNOWN = "U", "Not known"

    la_person_id = models.CharField(
        max_length=36, unique=True, help_text="LA child id (CIN LAchildID; SSDA903 CHILD)."
    )
    first_name = models.CharField(max_length=60)
    last_name = models.CharField(max_length=60, db_index=True)
    preferred_name = models.CharField(max_length=60, blank=True)
    date_of_birth = models.DateField(
        null=True, blank=True, db_index=True, help_text="CIN PersonBirthDate; SSDA903 DOB."
    )
    expected_date_of_birth = models.DateField(
        null=True, blank=True, help_text="CIN ExpectedPersonBirthDate, for an unborn child."
    )
    sex = models.CharField(max_length=1, choices=Sex.choices, help_text="CIN Sex; SSDA903 SEX.")
    gender = models.CharField(
        max_length=60, blank=True, help_text="Gender as the person describes it."
    )
    ethnicity = models.CharField(
        max_length=4, blank=True, help_text="CIN Ethnicity; SSDA903 ETHNIC (e.g. WBRI)."
    )
    upn = models.CharField(
        max_length=13, blank=True, db_index=True, help_text="CIN UPN; SSDA903 UPN."
    )
    former_upn = models.CharField(max_length=13, blank=True, help_text="CIN FormerUPN.")
    upn_unknown_reason = models.CharField(
        max_length=3, blank=True, help_text="CIN UPNunknown (UN1-UN7) when there is no UPN."
    )
    nhs_number = models.CharField(max_length=10, blank=True, db_index=True)
    death_date = models.DateField(null=True, blank=True, help_text="CIN PersonDeathDate.")
    is_unaccompanied_asylum_seeker = models.BooleanField(
        default=False, help_text="SSDA903 UASC; CIN factor 9A."
    )
    uasc_ceased_date = models.DateField(
        null=True, blank=True, help_text="SSDA903 DUC: date UASC status ceased."
    )
    is_restricted = models.BooleanField(
        default=False,
        help_text="A restricted record is seen only by people with an explicit grant.",
    )

    class Meta:
        ordering = ["last_name", "first_name"]
        indexes = [models.Index(fields=["last_name", "first_name"])]
        verbose_name = "person"

    def __str__(self) -> str:
        return self.la_person_id

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


class PersonDisability(Recorded):
    """One disability of a child (CIN Disability; SSD ssd_disability)."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="disabilities")
    code = models.CharField(max_length=4, help_text="CIN Disability (NONE, MOB, HAND, ...).")

    class Meta:
        ordering = ["person_id", "code"]


class Address(Recorded):
    """Where a person lived and when (SSD ssd_address)."""

    class Kind(models.TextChoices):
        HOME = "home", "Home"
        PLACEMENT = "placement", "Placement"
        OTHER = "other", "Other"

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="addresses")
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.HOME)
    line_1 = models.CharField(max_length=120)
    line_2 = models.CharField(max_length=120, blank=True)
    town = models.CharField(max_length=60, blank=True)
    postcode = models.CharField(max_length=8, help_text="SSDA903 HOME_POST; Annex A postcode.")
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["person_id", "-start_date"]
        verbose_name_plural = "addresses"


class Household(Recorded):
    """People who live together at one address; the child's family network is built from these."""

    name = models.CharField(max_length=120, help_text="How workers refer to the household.")

    class Meta:
        ordering = ["name"]


class HouseholdMember(Recorded):
    """Someone living in a household, including an adult whose identity is not yet known.

    Case reviews (Peter Connelly) show why an unknown adult in the household must be visible.
    """

    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="members")
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, blank=True, related_name="households"
    )
    is_unknown_adult = models.BooleanField(
        default=False, help_text="An adult lives here whose identity has not been established."
    )
    description = models.CharField(
        max_length=200, blank=True, help_text="What is known of an unidentified member."
    )
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["household_id", "start_date"]


class Relationship(Recorded):
    """How one person is related to another, and whether they hold parental responsibility."""

    class Kind(models.TextChoices):
        MOTHER = "mother", "Mother"
        FATHER = "father", "Father"
        STEP_PARENT = "step_parent", "Step-parent"
        PARENT_PARTNER = "parent_partner", "Partner of parent"
        SIBLING = "sibling", "Brother or sister"
        HALF_SIBLING = "half_sibling", "Half-brother or half-sister"
        GRANDPARENT = "grandparent", "Grandparent"
        AUNT_UNCLE = "aunt_uncle", "Aunt or uncle"
        FOSTER_CARER = "foster_carer", "Foster carer"
        OTHER = "other", "Other"

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="relationships")
    related_person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(
        max_length=20, choices=Kind.choices, help_text="What the related person is to the person."
    )
    has_parental_responsibility = models.BooleanField(default=False)
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["person_id", "kind"]


class Contact(Recorded):
    """A contact to the front door about a child (Annex A list 1; SSD ssd_contacts)."""

    class Outcome(models.TextChoices):
        REFERRAL = "referral", "Referred to children's social care"
        EARLY_HELP = "early_help", "Passed to early help"
        INFORMATION = "information", "Information and advice"
        NO_FURTHER_ACTION = "nfa", "No further action"

    child = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="contacts")
    contact_date = models.DateField(db_index=True, help_text="Annex A Date of Contact.")
    source = models.CharField(max_length=3, help_text="Annex A Contact Source (CIN codes 1A-10).")
    referrer_relationship = models.CharField(
        max_length=60, blank=True, help_text="Who the referrer is to the child, in their words."
    )
    concern = models.TextField(blank=True, help_text="The referrer's words, recorded as said.")
    outcome = models.CharField(max_length=16, choices=Outcome.choices, blank=True)
    decision_date = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["child_id", "contact_date"]


class CINEpisode(Recorded):
    """A referral and the child in need episode that follows it (CIN CINdetails)."""

    child = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="cin_episodes")
    contact = models.ForeignKey(
        Contact, on_delete=models.PROTECT, null=True, blank=True, related_name="episodes"
    )
    referral_date = models.DateField(db_index=True, help_text="CIN CINreferralDate.")
    referral_source = models.CharField(max_length=3, help_text="CIN ReferralSource (1A-10).")
    primary_need = models.CharField(
        max_length=2, blank=True, help_text="CIN PrimaryNeedCode (N0-N9)."
    )
    referral_nfa = models.BooleanField(default=False, help_text="CIN ReferralNFA.")
    closure_date = models.DateField(null=True, blank=True, help_text="CIN CINclosureDate.")
    closure_reason = models.CharField(
        max_length=3, blank=True, help_text="CIN ReasonForClosure (RC1-RC9)."
    )

    class Meta:
        ordering = ["child_id", "referral_date"]
        verbose_name = "CIN episode"


class Assessment(Recorded):
    """A child and family assessment (CIN Assessments; Annex A list 4)."""

    class Outcome(models.TextChoices):
        NO_FURTHER_ACTION = "nfa", "No further action"
        EARLY_HELP = "early_help", "Step down to early help"
        CIN_PLAN = "cin_plan", "Child in need plan"
        STRATEGY_DISCUSSION = "strategy", "Strategy discussion"
        LOOKED_AFTER = "looked_after", "Become looked after"

    episode = models.ForeignKey(CINEpisode, on_delete=models.PROTECT, related_name="assessments")
    start_date = models.DateField(help_text="CIN AssessmentActualStartDate.")
    child_seen = models.BooleanField(
        null=True, help_text="Annex A Child Seen During Continuous Assessment."
    )
    child_seen_date = models.DateField(null=True, blank=True)
    authorisation_date = models.DateField(
        null=True, blank=True, help_text="CIN AssessmentAuthorisationDate."
    )
    factors = models.JSONField(
        default=list, blank=True, help_text="CIN AssessmentFactors: codes identified at the end."
    )
    outcome = models.CharField(max_length=16, choices=Outcome.choices, blank=True)
    requires_support = models.BooleanField(
        null=True,
        help_text="Annex A Was the child assessed as requiring LA children's social care support?",
    )

    class Meta:
        ordering = ["episode_id", "start_date"]


class StrategyDiscussion(Recorded):
    """A strategy discussion with police and health about possible significant harm."""

    episode = models.ForeignKey(
        CINEpisode, on_delete=models.PROTECT, related_name="strategy_discussions"
    )
    discussion_date = models.DateField(
        help_text="Annex A strategy discussion initiating Section 47."
    )
    section47_agreed = models.BooleanField(default=True)

    class Meta:
        ordering = ["episode_id", "discussion_date"]


class Section47Enquiry(Recorded):
    """A section 47 enquiry (CIN Section47; Annex A list 5)."""

    class Outcome(models.TextChoices):
        ICPC = "icpc", "Initial child protection conference"
        CIN = "cin", "Continue as child in need"
        NO_FURTHER_ACTION = "nfa", "No further action"

    episode = models.ForeignKey(CINEpisode, on_delete=models.PROTECT, related_name="section47s")
    strategy_discussion = models.ForeignKey(
        StrategyDiscussion,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="section47s",
    )
    start_date = models.DateField(help_text="CIN S47ActualStartDate.")
    end_date = models.DateField(null=True, blank=True)
    outcome = models.CharField(max_length=8, choices=Outcome.choices, blank=True)
    icpc_not_required = models.BooleanField(default=False, help_text="CIN ICPCnotRequired.")

    class Meta:
        ordering = ["episode_id", "start_date"]
        verbose_name = "section 47 enquiry"
        verbose_name_plural = "section 47 enquiries"


class ChildProtectionPlan(Recorded):
    """A child protection plan (CIN ChildProtectionPlans; Annex A list 7)."""

    episode = models.ForeignKey(CINEpisode, on_delete=models.PROTECT, related_name="cp_plans")
    start_date = models.DateField(help_text="CIN CPPstartDate.")
    end_date = models.DateField(null=True, blank=True, help_text="CIN CPPendDate.")
    initial_category = models.CharField(max_length=3, help_text="CIN InitialCategoryOfAbuse.")
    latest_category = models.CharField(max_length=3, help_text="CIN LatestCategoryOfAbuse.")
    number_of_previous_plans = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="CIN NumberOfPreviousCPP, when imported from elsewhere."
    )

    class Meta:
        ordering = ["episode_id", "start_date"]
        verbose_name = "child protection plan"


class ChildProtectionConference(Recorded):
    """An initial or review child protection conference (CIN DateOfInitialCPC, CPPreviewDate)."""

    class Kind(models.TextChoices):
        INITIAL = "initial", "Initial conference"
        REVIEW = "review", "Review conference"

    episode = models.ForeignKey(CINEpisode, on_delete=models.PROTECT, related_name="conferences")
    section47 = models.ForeignKey(
        Section47Enquiry,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="conferences",
    )
    plan = models.ForeignKey(
        ChildProtectionPlan,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="conferences",
    )
    kind = models.CharField(max_length=8, choices=Kind.choices)
    conference_date = models.DateField()
    plan_required = models.BooleanField(
        null=True, help_text="Annex A Did the ICPC result in a child protection plan."
    )

    class Meta:
        ordering = ["episode_id", "conference_date"]


class CINPlan(Recorded):
    """A child in need plan (CIN CINPlanDates)."""

    episode = models.ForeignKey(CINEpisode, on_delete=models.PROTECT, related_name="cin_plans")
    start_date = models.DateField(help_text="CIN CINPlanStartDate.")
    end_date = models.DateField(null=True, blank=True, help_text="CIN CINPlanEndDate.")

    class Meta:
        ordering = ["episode_id", "start_date"]
        verbose_name = "child in need plan"


class Visit(Recorded):
    """A visit to a child by their social worker (Annex A last seen, last statutory visit)."""

    class Kind(models.TextChoices):
        CHILD_IN_NEED = "cin", "Child in need visit"
        CHILD_PROTECTION = "cp", "Child protection visit"
        LOOKED_AFTER = "cla", "Looked-after child visit"
        CARE_LEAVER = "care_leaver", "Care leaver contact"
        ASSESSMENT = "assessment", "Assessment visit"

    class Mode(models.TextChoices):
        IN_PERSON = "in_person", "In person"
        VIRTUAL = "virtual", "Virtual"

    class Outcome(models.TextChoices):
        COMPLETED = "completed", "Visit completed"
        NO_ACCESS = "no_access", "No access"
        REFUSED = "refused", "Visit refused"

    child = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="visits")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    visit_date = models.DateField(db_index=True)
    mode = models.CharField(max_length=10, choices=Mode.choices, default=Mode.IN_PERSON)
    outcome = models.CharField(max_length=10, choices=Outcome.choices, default=Outcome.COMPLETED)
    child_seen = models.BooleanField(default=True)
    seen_alone = models.BooleanField(default=False, help_text="Annex A Was the Child Seen Alone?")
    worker = models.ForeignKey(
        "workforce.Staff", on_delete=models.PROTECT, null=True, blank=True, related_name="visits"
    )
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["child_id", "-visit_date"]


class LookedAfterPeriod(Recorded):
    """A continuous period of being looked after, made of one or more episodes."""

    child = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="care_periods")
    start_date = models.DateField(help_text="Date started to be looked after (first DECOM).")
    end_date = models.DateField(null=True, blank=True, help_text="Date ceased (last DEC).")

    class Meta:
        ordering = ["child_id", "start_date"]


class LookedAfterEpisode(Recorded):
    """An SSDA903 episode: a stretch with one legal status and one placement."""

    period = models.ForeignKey(LookedAfterPeriod, on_delete=models.PROTECT, related_name="episodes")
    child = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="care_episodes")
    start_date = models.DateField(help_text="SSDA903 DECOM.")
    reason_new_episode = models.CharField(max_length=1, help_text="SSDA903 RNE.")
    legal_status = models.CharField(max_length=2, help_text="SSDA903 LS.")
    category_of_need = models.CharField(max_length=2, help_text="SSDA903 CIN.")
    placement_type = models.CharField(max_length=3, help_text="SSDA903 PLACE.")
    placement_provider = models.CharField(
        max_length=3, blank=True, help_text="SSDA903 PLACE_PROVIDER."
    )
    home_postcode = models.CharField(max_length=8, blank=True, help_text="SSDA903 HOME_POST.")
    placement_postcode = models.CharField(max_length=8, blank=True, help_text="SSDA903 PL_POST.")
    urn = models.CharField(max_length=8, blank=True, help_text="SSDA903 URN (Ofsted registration).")
    end_date = models.DateField(null=True, blank=True, help_text="SSDA903 DEC.")
    reason_ceased = models.CharField(max_length=3, blank=True, help_text="SSDA903 REC.")
    reason_place_change = models.CharField(
        max_length=6, blank=True, help_text="SSDA903 REASON_PLACE_CHANGE."
    )

    class Meta:
        ordering = ["child_id", "start_date"]


class LookedAfterReview(Recorded):
    """A looked-after review chaired by the IRO (SSDA903 Reviews)."""

    child = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="care_reviews")
    period = models.ForeignKey(LookedAfterPeriod, on_delete=models.PROTECT, related_name="reviews")
    review_date = models.DateField(help_text="SSDA903 REVIEW.")
    participation = models.CharField(
        max_length=3, blank=True, help_text="SSDA903 REVIEW_CODE (PN0-PN7)."
    )

    class Meta:
        ordering = ["child_id", "review_date"]


class MissingEpisode(Recorded):
    """A time a looked-after child was missing or absent (SSDA903 Missing)."""

    class Kind(models.TextChoices):
        MISSING = "M", "Missing"
        ABSENT = "A", "Absent"

    child = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="missing_episodes")
    kind = models.CharField(max_length=1, choices=Kind.choices, help_text="SSDA903 MISSING.")
    start_date = models.DateField(help_text="SSDA903 MIS_START.")
    end_date = models.DateField(null=True, blank=True, help_text="SSDA903 MIS_END.")
    return_interview_offered = models.BooleanField(null=True, help_text="Annex A list 8.")
    return_interview_accepted = models.BooleanField(null=True, help_text="Annex A list 8.")

    class Meta:
        ordering = ["child_id", "start_date"]


class HealthAssessment(Recorded):
    """A health or dental check of a looked-after child (SSDA903 OC2; Annex A list 8)."""

    class Kind(models.TextChoices):
        INITIAL = "initial", "Initial health assessment"
        REVIEW = "review", "Review health assessment"
        DENTAL = "dental", "Dental check"

    child = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="health_assessments")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    assessment_date = models.DateField()

    class Meta:
        ordering = ["child_id", "assessment_date"]


class CareLeaverRecord(Recorded):
    """What a care leaver is doing around a birthday (SSDA903 OC3; Annex A list 9)."""

    class Eligibility(models.TextChoices):
        RELEVANT = "relevant", "Relevant child"
        FORMER_RELEVANT = "former_relevant", "Former relevant child"
        QUALIFYING = "qualifying", "Qualifying care leaver"

    child = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="care_leaver_records")
    recorded_on = models.DateField(help_text="The birthday, or the latest contact, this describes.")
    eligibility = models.CharField(max_length=16, choices=Eligibility.choices)
    in_touch = models.CharField(max_length=4, help_text="SSDA903 IN_TOUCH.")
    activity = models.CharField(max_length=2, blank=True, help_text="SSDA903 ACTIV.")
    accommodation = models.CharField(max_length=2, blank=True, help_text="SSDA903 ACCOM.")
    accommodation_suitable = models.BooleanField(null=True, help_text="Annex A Suitability.")
    latest_contact_date = models.DateField(
        null=True, blank=True, help_text="Annex A Latest Date of Contact."
    )
    pathway_plan_date = models.DateField(
        null=True, blank=True, help_text="Annex A Latest Pathway Plan Review Date."
    )
    personal_adviser = models.ForeignKey(
        "workforce.Staff", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["child_id", "recorded_on"]


class AdoptionMilestones(Recorded):
    """The steps of a child's adoption (SSDA903 AD1 and PlacedAdoption; Annex A list 10)."""

    child = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="adoptions")
    decision_date = models.DateField(
        null=True,
        blank=True,
        help_text="SSDA903 DATE_INT (AD1) and DATE_PLACED (PlacedAdoption): the decision that "
        "the child should be placed for adoption.",
    )
    placement_order_date = models.DateField(
        null=True, blank=True, help_text="Annex A Date of Placement Order."
    )
    matched_date = models.DateField(null=True, blank=True, help_text="SSDA903 DATE_MATCH.")
    placed_date = models.DateField(
        null=True,
        blank=True,
        help_text="Annex A Date Placed for Adoption (with the prospective adopters).",
    )
    adoption_order_date = models.DateField(
        null=True, blank=True, help_text="Annex A Date of Adoption Order."
    )
    no_longer_planned_date = models.DateField(
        null=True, blank=True, help_text="SSDA903 DATE_PLACED_CEASED (decision no longer to place)."
    )
    no_longer_planned_reason = models.CharField(
        max_length=3, blank=True, help_text="SSDA903 REASON_PLACED_CEASED (RD1-RD4)."
    )
    number_of_adopters = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="SSDA903 NB_ADOPTR (AD1): 1 adopter or 2 (a couple)."
    )
    adopters_sex = models.CharField(
        max_length=2,
        blank=True,
        help_text="SSDA903 SEX_ADOPTR (AD1): the adopters' genders at the adoption (M1, F1, MM, "
        "FF, MF).",
    )
    adopters_legal_status = models.CharField(
        max_length=3,
        blank=True,
        help_text="SSDA903 LS_ADOPTR (AD1): the adopters' legal status (L0 single, L11/L12 "
        "married, L2 civil partners, L3/L4 unmarried couple).",
    )

    class Meta:
        ordering = ["child_id"]
        verbose_name_plural = "adoption milestones"


class CareOutcomes(Recorded):
    """A looked-after child's outcomes over one collection year (SSDA903 OC2).

    The DfE asks for these of children looked after continuously for 12 months at 31 March. A
    blank (None) is an item not recorded or not asked at the child's age: the SDQ from 4 to 16,
    convictions from 10, the intervention items only when substance misuse was identified. The
    health items of OC2 (HEALTH_CHECK, TEETH_CHECK, HEALTH_ASSESSMENT) are worked out from the
    dated `HealthAssessment` rows instead.
    """

    class SDQReason(models.TextChoices):
        UNDER_4_OR_OVER_17 = "SDQ1", "The child was under 4 or over 17 at the latest assessment"
        CARER_REFUSED = "SDQ2", "The carer refused to complete the questionnaire"
        DISABILITY = "SDQ3", "The child's disability meant the questionnaire could not be done"
        OTHER = "SDQ4", "Another reason"
        CHILD_REFUSED = "SDQ5", "The child refused to complete the questionnaire"

    child = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="care_outcomes")
    collection_year = models.PositiveSmallIntegerField(
        help_text="The collection year described, by the year its 31 March falls in: 2026 is "
        "1 April 2025 to 31 March 2026."
    )
    sdq_score = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MaxValueValidator(40)],
        help_text="SSDA903 SDQ_SCORE: the Strengths and Difficulties Questionnaire total, 0 to 40.",
    )
    sdq_reason = models.CharField(
        max_length=4,
        blank=True,
        choices=SDQReason.choices,
        help_text="SSDA903 SDQ_REASON (SDQ1-SDQ5): why there is no SDQ score.",
    )
    convicted = models.BooleanField(
        null=True,
        help_text="SSDA903 CONVICTED: convicted, or given a youth caution or youth conditional "
        "caution, in the year (asked from age 10).",
    )
    immunisations_up_to_date = models.BooleanField(
        null=True, help_text="SSDA903 IMMUNISATIONS: immunisations up to date at 31 March."
    )
    substance_misuse = models.BooleanField(
        null=True,
        help_text="SSDA903 SUBSTANCE_MISUSE: identified as having a substance misuse problem in "
        "the year.",
    )
    intervention_received = models.BooleanField(
        null=True,
        help_text="SSDA903 INTERVENTION_RECEIVED: received an intervention for substance misuse "
        "(asked when misuse was identified).",
    )
    intervention_offered = models.BooleanField(
        null=True,
        help_text="SSDA903 INTERVENTION_OFFERED: offered an intervention and refused it (asked "
        "when none was received).",
    )

    class Meta:
        ordering = ["child_id", "-collection_year"]
        verbose_name = "care outcomes"
        verbose_name_plural = "care outcomes"
        constraints = [
            models.UniqueConstraint(
                fields=["child", "collection_year"],
                condition=models.Q(archived_at__isnull=True),
                name="one_open_care_outcomes_per_child_year",
            )
        ]


class CaseNote(Recorded):
    """A worker's note on the child's chronology, in plain words the child could later read."""

    child = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="notes")
    note_date = models.DateField()
    title = models.CharField(max_length=120)
    text = models.TextField()
    author = models.ForeignKey(
        "workforce.Staff", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["child_id", "-note_date"]


class Allocation(Recorded):
    """A child allocated to a team and, usually, a named worker, with history kept by dates."""

    class Kind(models.TextChoices):
        SOCIAL_WORKER = "social_worker", "Allocated social worker"
        PERSONAL_ADVISER = "personal_adviser", "Personal adviser"

    child = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="allocations")
    team = models.ForeignKey("workforce.Team", on_delete=models.PROTECT, related_name="allocations")
    worker = models.ForeignKey(
        "workforce.Staff",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="allocations",
        help_text="Empty while the child waits for a worker (unallocated).",
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.SOCIAL_WORKER)
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["child_id", "-start_date"]
        indexes = [
            models.Index(fields=["worker", "end_date"]),
            models.Index(fields=["team", "end_date"]),
        ]


class Draft(Recorded):
    """What a user has typed into a form about a child and not yet sent, so nothing is lost.

    One open draft per user, child and form; it is archived (not deleted) when the form is sent
    or the user discards it. Drafts are the user's own unsent words, shown to nobody else.
    """

    user = models.ForeignKey(
        "access.User", on_delete=models.PROTECT, related_name="drafts", help_text="Whose draft."
    )
    child = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    form_name = models.CharField(max_length=40, help_text="Which form: visit, note, ...")
    data = models.JSONField(default=dict, help_text="The form's fields as typed, by field name.")

    class Meta:
        ordering = ["-updated_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "child", "form_name"],
                condition=models.Q(archived_at__isnull=True),
                name="one_open_draft_per_user_child_form",
            )
        ]

// The reference evaluation of the rules (see reference_evaluation.hpp).

#include "reference_evaluation.hpp"
#include "reference_data.hpp"

#include <algorithm>

namespace generator {

namespace {

Tri tand(Tri a, Tri b) {
    if (a == Tri::F || b == Tri::F) return Tri::F;
    if (a == Tri::U || b == Tri::U) return Tri::U;
    return Tri::T;
}
Tri tor(Tri a, Tri b) {
    if (a == Tri::T || b == Tri::T) return Tri::T;
    if (a == Tri::U || b == Tri::U) return Tri::U;
    return Tri::F;
}
Tri tri(bool b) { return b ? Tri::T : Tri::F; }
Tri le(Date a, Date b) { return a == kNoDate || b == kNoDate ? Tri::U : tri(a <= b); }
Tri is_true(Opt o) { return o == Opt::missing ? Tri::U : tri(o == Opt::yes); }

// require: true passes, false is violated, unknown is indeterminate ('if missing fail': violated).
Outcome required(Tri r, bool missing_fails = false) {
    if (r == Tri::T) return kPassed;
    if (r == Tri::F) return kViolated;
    return missing_fails ? kViolated : kIndeterminate;
}
// Several bindings of a 'for each': violated before indeterminate before passed; none: not applicable.
Outcome fold(Outcome acc, Outcome element) { return std::min(acc, element); }

Tri status_is(const Plan& p, PlanStatus s) { return p.status == PlanStatus::missing ? Tri::U : tri(p.status == s); }
Tri aktuell(const Activity& a) {
    if (a.status == ActStatus::missing) return Tri::U;
    return tri(a.status == ActStatus::planerad || a.status == ActStatus::pagaende);
}
Tri anordnare_is(const Activity& a, Anordnare who) {
    return a.anordnare == Anordnare::none ? Tri::U : tri(a.anordnare == who);
}
Tri act_status_is(const Activity& a, ActStatus s) {
    return a.status == ActStatus::missing ? Tri::U : tri(a.status == s);
}
bool org_nr_valid(OrgForm f) { return f == OrgForm::valid || f == OrgForm::padded; }

Tri tnot(Tri a) { return a == Tri::U ? Tri::U : tri(a == Tri::F); }
Tri gt(Date a, Date b) { return a == kNoDate || b == kNoDate ? Tri::U : tri(a > b); }

}  // namespace

Tri langtidsarbetslos(const Plan& p, Date today) {
    const Tri over12 = gt(today, add_months(p.arbetslos_sedan, 12));
    const Tri over6 = gt(today, add_months(p.arbetslos_sedan, 6));
    const Tri young = p.fodelsedatum == kNoDate ? Tri::U : tri(age_on(p.fodelsedatum, today) < 25);
    return tor(over12, tand(over6, young));
}

namespace {

// rapport_saknas(manad) of arbetsformedlingen.rules: the month needs a report (registered from its
// first day, and due: the last month only after the 14th) and none was submitted.
Tri rapport_saknas(const Plan& p, int month, Date today) {
    const Tri registered = p.inskrivning == kNoDate ? Tri::U : tri(month_index(p.inskrivning - 1) < month);
    const bool due = month != month_index(today) - 1 || civil_from_days(today).d > 14;
    bool submitted = false;
    for (int i = 0; i < p.n_rep; ++i)
        if (p.rep[i].month == month && p.rep[i].inlamnad != kNoDate) submitted = true;
    return tand(tand(registered, tri(due)), tri(!submitted));
}

// i_jobbspar(a) of 1480-goteborg.rules: a dated, not cancelled activity the municipality arranges.
Tri i_jobbspar(const Activity& a) {
    const Tri not_avbruten = a.status == ActStatus::missing ? Tri::U : tri(a.status != ActStatus::avbruten);
    return tand(tri(a.start != kNoDate && a.anordnare == Anordnare::kommun), not_avbruten);
}

// K1480-SPAR for the activity a (i_jobbspar(a) and foljs_av(a) hold): fortsatter_efter(a) or a gap
// of at most 14 days to nasta_start(a).
Tri spar_ok(const Plan& p, const Activity& a) {
    if (a.slut == kNoDate) return Tri::U;  // every comparison with a.slut is unknown
    Tri continues = Tri::F;
    bool unknown_where = false;
    Date next = kNoDate;
    for (int j = 0; j < p.n_act; ++j) {
        const Activity& c = p.act[j];
        const Tri jc = i_jobbspar(c);
        continues = tor(continues, tand(jc, tri(c.start <= a.slut && (c.slut == kNoDate || c.slut > a.slut))));
        const Tri after = tand(jc, tri(c.start > a.slut));
        if (after == Tri::U) unknown_where = true;
        if (after == Tri::T && (next == kNoDate || c.start < next)) next = c.start;
    }
    const Tri gap_ok = unknown_where || next == kNoDate ? Tri::U : tri(next - a.slut <= 14);
    return tor(continues, gap_ok);
}

}  // namespace

void evaluate(const Plan& p, Date today, std::array<Outcome, kRuleCount>& out) {
    for (int r = 0; r < kRuleCount; ++r) out[r] = kNotApplicable;
    const Tri upprattad = status_is(p, PlanStatus::upprattad);

    // AF-30D: no 'when'.
    {
        const Tri utkast = status_is(p, PlanStatus::utkast);
        const Date due = add_days(p.inskrivning, 30);
        Tri r = Tri::U;
        if (utkast == Tri::T) r = le(today, due);
        else if (utkast == Tri::F) r = le(p.upprattad, due);
        out[kAf30D] = required(r);
    }
    // AF-6M
    if (upprattad == Tri::T) out[kAf6M] = required(le(today, add_months(senaste_genomgang(p), 6)));
    // AF-FORENKLAD: when upprattad and typ == forenklad
    if (upprattad == Tri::T && p.typ == PlanTyp::forenklad) out[kAfForenklad] = required(is_true(p.tillfalligt));
    // AF-SKYLD
    if (upprattad == Tri::T) out[kAfSkyld] = required(tri(p.skyldighet_count() > 0));
    // AF-AKTUELL: for each current activity of an established plan: an ongoing one has not ended,
    // a planned one started at most 30 days ago (a missing date passes)
    if (upprattad == Tri::T) {
        for (int i = 0; i < p.n_act; ++i) {
            const Activity& a = p.act[i];
            if (aktuell(a) != Tri::T) continue;
            const bool ok = a.status == ActStatus::pagaende ? a.slut == kNoDate || today <= a.slut
                                                             : a.start == kNoDate || today <= a.start + 30;
            out[kAfAktuell] = fold(out[kAfAktuell], required(tri(ok)));
        }
    }
    // AF-DATUM: for each activity with both dates
    for (int i = 0; i < p.n_act; ++i) {
        const Activity& a = p.act[i];
        if (a.start != kNoDate && a.slut != kNoDate) out[kAfDatum] = fold(out[kAfDatum], required(tri(a.slut >= a.start)));
    }
    // AF-AUTO: when upprattad and revidering == automatisk; if missing fail
    if (upprattad == Tri::T && p.revidering == Revidering::automatisk)
        out[kAfAuto] = required(p.anstallning >= 0 ? Tri::T : Tri::U, true);
    // AF-SIUS: when upprattad, for each sius activity whatever its status; if missing fail
    if (upprattad == Tri::T) {
        const Tri ok = p.has_funktion ? tand(is_true(p.dokumenterad), is_true(p.paverkar)) : Tri::U;
        for (int i = 0; i < p.n_act; ++i)
            if (p.act[i].typ == ActType::sius) out[kAfSius] = fold(out[kAfSius], required(ok, true));
    }
    // AF-SAMTYCKE: when upprattad and present(kod)
    if (upprattad == Tri::T && p.has_funktion) out[kAfSamtycke] = required(tri(p.samtycke != kNoDate));
    // AF-LTU: when upprattad and registered unemployed
    if (upprattad == Tri::T && p.arbetslos_sedan != kNoDate) {
        const Tri fordjupat = tri(p.has_stodbehov && p.niva == Niva::fordjupat);
        Tri pagaende_insats = Tri::F;
        for (int i = 0; i < p.n_act; ++i) {
            const Activity& a = p.act[i];
            pagaende_insats = tor(pagaende_insats, tand(act_status_is(a, ActStatus::pagaende), tri(a.typ != ActType::sokaktivitet)));
        }
        out[kAfLtu] = required(tor(tor(tnot(langtidsarbetslos(p, today)), fordjupat), pagaende_insats));
    }
    // AF-RAPPORT: no report missing among the last three full months
    if (tand(upprattad, tri(p.has_skyldighet(0))) == Tri::T) {
        const int m = month_index(today);
        Tri any_missing = Tri::F;
        for (int k = 1; k <= 3; ++k) any_missing = tor(any_missing, rapport_saknas(p, m - k, today));
        out[kAfRapport] = required(tnot(any_missing));
    }
    // HP-6.1 .. HP-6.3
    if (upprattad == Tri::T) {
        out[kHp61] = required(tri(p.has_stodbehov && !p.bedomning.blank()));
        Tri exists = Tri::F;
        for (int i = 0; i < p.n_act; ++i) exists = tor(exists, aktuell(p.act[i]));
        out[kHp62] = required(exists);
        for (int i = 0; i < p.n_act; ++i)
            if (aktuell(p.act[i]) == Tri::T) out[kHp63] = fold(out[kHp63], required(tri(!p.act[i].motivering.blank())));
        // the rules before 2022-12-01
        out[kOld1] = required(tri(!p.amp_bedomning.blank()));
        for (int i = 0; i < p.n_act; ++i) {
            const Activity& a = p.act[i];
            if (aktuell(a) == Tri::T) out[kOld2] = fold(out[kOld2], required(tri(a.start != kNoDate && a.slut != kNoDate)));
        }
        out[kOld3] = required(tri(!p.stod_fran_af.blank()));
        out[kOld4] = required(tri(p.has_planerad_uppfoljning && p.pu_datum != kNoDate));  // the form is always written
    }
    // kommun.0180 (applies when kommun == "0180"): K0180-3M
    if (p.kommun == kStockholm && tand(upprattad, is_true(p.ekonomiskt_bistand)) == Tri::T)
        out[kK01803M] = required(le(today, add_months(senaste_genomgang(p), 3)));
    // kommun.1480: K1480-SPAR, when upprattad, for each job-track activity followed by a later one
    if (p.kommun == kGoteborg && upprattad == Tri::T) {
        for (int i = 0; i < p.n_act; ++i) {
            const Activity& a = p.act[i];
            if (i_jobbspar(a) != Tri::T) continue;
            const Date ref = a.slut != kNoDate ? a.slut : a.start;
            Tri followed = Tri::F;
            for (int j = 0; j < p.n_act; ++j) followed = tor(followed, tand(i_jobbspar(p.act[j]), tri(p.act[j].start > ref)));
            if (followed == Tri::T) out[kK1480Spar] = fold(out[kK1480Spar], required(spar_ok(p, a)));
        }
    }
    // leverantor: LEV-ORGNR (if missing fail), LEV-MOTIVERING
    for (int i = 0; i < p.n_act; ++i) {
        const Activity& a = p.act[i];
        const Tri lev = anordnare_is(a, Anordnare::leverantor);
        if (lev == Tri::T) out[kLevOrgnr] = fold(out[kLevOrgnr], required(tri(org_nr_valid(a.org)), true));
        if (lev == Tri::T) out[kLevMotivering] = fold(out[kLevMotivering], required(tri(!a.motivering.blank())));
    }

    for (int r = 0; r < kRuleCount; ++r)
        if (!in_force(static_cast<RuleId>(r), today)) out[r] = kNotInForce;
}

}  // namespace generator

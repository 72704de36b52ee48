// The violations injected after the plan is built, and the corruption of malformed records
// (see generation.hpp).

#include "generation.hpp"
#include "reference_data.hpp"

#include <array>

namespace generator {

// An activity matching `pred`, preferring those that also match `prefer`; -1 if none.
template <class Pred, class Prefer>
int Generator::choose(Pred pred, Prefer prefer) {
    int candidates[kMaxActivities];
    int n = 0;
    int preferred[kMaxActivities];
    int m = 0;
    for (int i = 0; i < plan_.n_act; ++i) {
        if (!pred(plan_.act[i])) continue;
        candidates[n++] = i;
        if (prefer(plan_.act[i])) preferred[m++] = i;
    }
    if (m > 0) return preferred[rng_.below(m)];
    if (n > 0) return candidates[rng_.below(n)];
    return -1;
}

Text Generator::blank_text() { return {static_cast<TextForm>(rng_.below(4)), 0}; }

bool Generator::is_current(const Activity& a) const { return a.status == ActStatus::planerad || a.status == ActStatus::pagaende; }
bool Generator::outside_job_track(const Activity& a) const {
    return plan_.kommun != kGoteborg || a.anordnare != Anordnare::kommun;
}

void Generator::mutations() {
    Plan& p = plan_;
    const bool established = p.status == PlanStatus::upprattad;
    bool no_current = false;

    // HP-6.2: no planned or ongoing activity
    if (established && flag(kHp62)) {
        mark(kHp62);
        no_current = true;
        if (rng_.percent(50)) {
            p.n_act = 0;
            p.act_absent = rng_.percent(50);
        } else {
            int kept = 0;
            for (int i = 0; i < p.n_act; ++i)
                if (!is_current(p.act[i])) p.act[kept++] = p.act[i];
            p.n_act = kept;
        }
        if (ltu_ && !ltu_flag_) p.niva = Niva::fordjupat;  // keep AF-LTU satisfied
    }
    // AF-SIUS: a planned SIUS activity without a documented disability that affects work capacity
    if (!no_current && p.status != PlanStatus::avslutad && p.n_act < kMaxActivities && flag(kAfSius)) {
        mark(kAfSius);
        Activity a = make(ActType::sius, Anordnare::af);
        a.status = ActStatus::planerad;
        a.start = today_ + 1 + rng_.below(30);
        a.slut = a.start + rng_.range(90, 365);
        add(a);
        if (p.has_funktion && p.dokumenterad == Opt::yes && p.paverkar == Opt::yes) {
            if (rng_.percent(50)) p.paverkar = Opt::no;
            else p.dokumenterad = Opt::no;
        }
    }
    // HP-6.3: a current activity without motivation (not a provider's, if there is another)
    if (established && flag(kHp63)) {
        const int i = choose([&](const Activity& a) { return is_current(a); },
                             [](const Activity& a) { return a.anordnare != Anordnare::leverantor; });
        if (i >= 0) {
            mark(kHp63);
            p.act[i].motivering = blank_text();
        }
    }
    // LEV-MOTIVERING: a provider's current activity without motivation
    if (flag(kLevMotivering)) {
        const int i = choose([&](const Activity& a) { return is_current(a) && a.anordnare == Anordnare::leverantor; },
                             [](const Activity&) { return true; });
        if (i >= 0) {
            mark(kLevMotivering);
            p.act[i].motivering = blank_text();
        }
    }
    // HP-OLD.2: a current activity without start or end
    if (established && flag(kOld2)) {
        const int i = choose([&](const Activity& a) { return is_current(a); },
                             [&](const Activity& a) { return outside_job_track(a); });
        if (i >= 0) {
            mark(kOld2);
            Activity& a = p.act[i];
            const int w = rng_.weighted(std::array<int, 3>{30, 50, 20});
            const bool absent = rng_.percent(50);
            if (w != 1) {
                a.start = kNoDate;
                a.start_absent = absent;
            }
            if (w != 0) {
                a.slut = kNoDate;
                a.slut_absent = absent;
            }
        }
    }
    // AF-DATUM: an activity that ends before it starts
    if (flag(kAfDatum)) {
        const int i = choose([](const Activity& a) { return a.start != kNoDate && a.slut != kNoDate; },
                             [&](const Activity& a) { return outside_job_track(a); });
        if (i >= 0) {
            mark(kAfDatum);
            p.act[i].slut = p.act[i].start - 1 - rng_.below(60);
        }
    }
    // LEV-ORGNR: a provider without a proper organisation number
    if (flag(kLevOrgnr)) {
        const int i = choose([](const Activity& a) { return a.anordnare == Anordnare::leverantor; },
                             [](const Activity&) { return true; });
        if (i >= 0) {
            mark(kLevOrgnr);
            p.act[i].org = static_cast<OrgForm>(static_cast<int>(OrgForm::absent) + rng_.below(6));
        }
    }
    // HP-6.1: no assessment of the support need
    if (established && flag(kHp61)) {
        mark(kHp61);
        // keep the level where AF-LTU reads it
        if (!ltu_ && rng_.percent(40)) {
            p.has_stodbehov = false;
            p.stodbehov_absent = rng_.percent(50);
            p.niva = Niva::missing;
            p.bedomning = {};
        } else {
            p.bedomning = blank_text();
        }
    }
    // the rules before 2022-12-01
    if (established && flag(kOld1)) {
        mark(kOld1);
        p.amp_bedomning = blank_text();
    }
    if (established && flag(kOld3)) {
        mark(kOld3);
        p.stod_fran_af = blank_text();
    }
    if (established && flag(kOld4)) {
        mark(kOld4);
        if (rng_.percent(60)) {
            p.has_planerad_uppfoljning = false;
            p.pu_absent = rng_.percent(50);
        } else {
            p.has_planerad_uppfoljning = true;
            p.pu_datum = kNoDate;
        }
    }
    // AF-SKYLD: no obligations
    if (established && flag(kAfSkyld)) {
        mark(kAfSkyld);
        p.skyldigheter = 0;
        p.skyld_absent = rng_.percent(50);
        p.n_rep = rng_.percent(50) ? p.n_rep : 0;
    }
    // AF-RAPPORT: a missing report in one of the last three months
    if (established && p.has_skyldighet(0) && flag(kAfRapport)) {
        const int m = month_index(today_);
        const int first = month_index(p.inskrivning);
        int months[3];
        int n = 0;
        for (int k = 1; k <= 3; ++k)
            if (m - k >= first) months[n++] = m - k;
        if (n > 0) {
            mark(kAfRapport);
            const int month = months[rng_.below(n)];
            const bool remove = rng_.percent(50);
            int kept = 0;
            for (int i = 0; i < p.n_rep; ++i) {
                if (p.rep[i].month == month) {
                    if (remove) continue;
                    p.rep[i].inlamnad = kNoDate;
                }
                p.rep[kept++] = p.rep[i];
            }
            p.n_rep = kept;
        }
    }
    // AF-SAMTYCKE: a disability code registered without consent
    if (p.has_funktion && flag(kAfSamtycke)) {
        mark(kAfSamtycke);
        p.samtycke = kNoDate;
    }
    // AF-FORENKLAD: a simplified plan without temporary work
    if (flag(kAfForenklad)) {
        mark(kAfForenklad);
        p.typ = PlanTyp::forenklad;
        p.tillfalligt = Opt::no;
    }
}

// Make the record invalid input: the struct gets what the engine reads (the field missing).
void Generator::corrupt() {
    Plan& p = plan_;
    auto kind = static_cast<Corruption>(1 + rng_.below(9));
    if (kind == Corruption::upprattad_impossible && p.upprattad == kNoDate) kind = Corruption::inskrivning_impossible;
    if (kind == Corruption::activity_status_missing && p.n_act == 0) kind = Corruption::version_string;
    if (kind == Corruption::sokta_string && p.n_rep == 0) kind = Corruption::version_string;
    p.corruption = kind;
    switch (kind) {
    case Corruption::upprattad_impossible:
        p.corrupt_year = civil_from_days(p.upprattad).y;
        p.upprattad = kNoDate;
        break;
    case Corruption::inskrivning_impossible:
        p.corrupt_year = civil_from_days(p.inskrivning).y;
        p.inskrivning = kNoDate;
        break;
    case Corruption::status_missing:
    case Corruption::status_unknown: p.status = PlanStatus::missing; break;
    case Corruption::kommun_missing: p.kommun = -1; break;
    case Corruption::activity_status_missing: p.act[0].status = ActStatus::missing; break;
    case Corruption::tillfalligt_string: p.tillfalligt = Opt::missing; break;
    default: break;
    }
}

}  // namespace generator

// The plausible plan of one line, before violations are injected (see generation.hpp).

#include "generation.hpp"
#include "reference_data.hpp"
#include "reference_evaluation.hpp"

#include <algorithm>

namespace generator {

Generator::Generator(const Config& cfg, uint64_t line) : cfg_(cfg), today_(cfg.as_of), rng_(cfg.seed, line) {
    plan_.line = line;
}

void Generator::run() {
    malformed_ = Malformed::none;
    if (rng_.chance(cfg_.malformed_threshold)) malformed_ = rng_.percent(35) ? Malformed::not_json : Malformed::invalid;
    person();
    registration_and_status();
    revision();
    support_need();
    old_fields();
    activities();
    obligations_and_reports();
    follow_ups();
    mutations();
    if (malformed_ == Malformed::invalid) corrupt();
}

void Generator::person() {
    Plan& p = plan_;
    p.version = 1 + rng_.below(rng_.percent(70) ? 4 : 12);
    p.sokande_id = 1000000u + static_cast<uint32_t>(rng_.below(8999999));
    p.kommun = rng_.weighted(kommun_weights());
    // ages 18-64, more in 25-45
    const int age = rng_.percent(55) ? rng_.range(25, 45) : rng_.range(18, 63);
    p.fodelsedatum = rng_.percent(1) ? kNoDate : add_months(today_, -12 * age) - rng_.below(365);
    p.utbildning = static_cast<int8_t>(rng_.percent(4) ? -1 : rng_.weighted(std::array<int, 3>{20, 46, 34}));
    p.region = static_cast<int8_t>(rng_.percent(2) ? -1 : rng_.weighted(std::array<int, 3>{58, 12, 30}));
    p.tillfalligt = static_cast<Opt>(rng_.weighted(std::array<int, 3>{8, 80, 12}));
    p.anstallning = static_cast<int8_t>(rng_.percent(6) ? rng_.below(3) : -1);
    const int eb_yes = p.region == 2 ? 25 : 9;
    p.ekonomiskt_bistand = static_cast<Opt>(rng_.weighted(std::array<int, 3>{30, 70 - eb_yes, eb_yes}));
    p.etablering = p.region == 2 ? (rng_.percent(12) ? Opt::yes : Opt::no) : (rng_.percent(20) ? Opt::missing : Opt::no);
    p.omradestyp = static_cast<uint8_t>(rng_.weighted(std::array<int, 3>{75, 10, 15}));
    p.typ = p.tillfalligt == Opt::yes && rng_.percent(50) ? PlanTyp::forenklad : PlanTyp::ordinarie;
    if (rng_.percent(12)) {
        p.has_funktion = true;
        p.funktion_kod = static_cast<uint8_t>(rng_.below(kFunktionskoder.size()));
        p.dokumenterad = static_cast<Opt>(rng_.weighted(std::array<int, 3>{5, 10, 85}));
        p.paverkar = static_cast<Opt>(rng_.weighted(std::array<int, 3>{5, 15, 80}));
    }
}

void Generator::registration_and_status() {
    Plan& p = plan_;
    f30d_ = flag(kAf30D);
    // registrations over the three years before today, more of them recent (the stock of
    // job seekers: people leave the register over time): mostly the product of two uniform
    // draws, some uniform; about 11 % in the last 30 days and 35 % more than a year ago
    int ago = rng_.percent(15) ? rng_.below(1095) : rng_.below(1095) * rng_.below(1095) / 1095;
    if (f30d_ && ago < 31) ago = 31 + rng_.below(400);
    p.inskrivning = days_ago(ago);
    if (f30d_) {
        mark(kAf30D);
        if (ago <= 400 && rng_.percent(35)) {
            p.status = PlanStatus::utkast;  // a draft forgotten for more than 30 days
        } else {
            p.status = rng_.percent(8) && ago > 40 ? PlanStatus::avslutad : PlanStatus::upprattad;
            p.upprattad = p.inskrivning + rng_.range(31, std::min(ago, 121));
        }
    } else if (ago <= 30) {
        if (rng_.percent(50)) {
            p.status = PlanStatus::utkast;
        } else {
            p.status = PlanStatus::upprattad;
            p.upprattad = p.inskrivning + rng_.below(ago + 1);
        }
    } else {
        p.status = rng_.percent(7) ? PlanStatus::avslutad : PlanStatus::upprattad;
        const int d = rng_.below(31);
        p.upprattad = p.inskrivning + d * rng_.below(31) / 30;  // most within two weeks
    }
    if (p.status == PlanStatus::avslutad) {
        closed_ = p.upprattad + 1 + rng_.below(std::max(1, today_ - p.upprattad - 1));
        if (closed_ >= today_) closed_ = today_ - 1;
        if (closed_ <= p.upprattad) p.status = PlanStatus::upprattad;
    }
    // the current spell of unemployment: mostly since registration
    if (rng_.percent(2)) p.arbetslos_sedan = kNoDate;
    else if (rng_.percent(85)) p.arbetslos_sedan = p.inskrivning;
    else p.arbetslos_sedan = p.inskrivning + rng_.below(ago + 1);
    ltu_ = p.status == PlanStatus::upprattad && langtidsarbetslos(p, today_) == Tri::T;

    if (p.has_funktion) p.samtycke = std::min<Date>(today_, p.inskrivning + rng_.below(60));
    if (rng_.percent(75)) {
        p.has_jobbchans = true;
        p.jc_utfall = static_cast<uint8_t>(1 + rng_.weighted(std::array<int, 4>{25, 35, 25, 15}));
        static constexpr int kLow[] = {600, 400, 200, 50};
        static constexpr int kHigh[] = {900, 599, 399, 199};
        p.jc_tenths = rng_.range(kLow[p.jc_utfall - 1], kHigh[p.jc_utfall - 1]);
        p.jc_bedomd = std::min<Date>(today_, p.inskrivning + rng_.below(10));
        p.jc_old_model = p.jc_bedomd < days_from_civil(2023, 3, 1);
    }
}

void Generator::revision() {
    Plan& p = plan_;
    if (p.status == PlanStatus::utkast) return;
    if (p.status == PlanStatus::avslutad) {
        if (rng_.percent(60) && closed_ - p.upprattad > 2) p.senast_reviderad = p.upprattad + 1 + rng_.below(closed_ - p.upprattad - 1);
    } else {
        const int since = today_ - p.upprattad;
        const bool tight = p.kommun == kStockholm && p.ekonomiskt_bistand == Opt::yes;
        const int window = tight ? 85 : 170;
        if (since >= 200 && flag(kAf6M)) {
            mark(kAf6M);
            const Date last = days_ago(190 + rng_.below(200));
            if (last > p.upprattad) p.senast_reviderad = last;
        } else if (tight && since >= 100 && flag(kK01803M)) {
            mark(kK01803M);
            const Date last = days_ago(rng_.range(95, 175));
            if (last > p.upprattad) p.senast_reviderad = last;
        } else if (since <= window) {
            if (since > 0 && rng_.percent(40)) p.senast_reviderad = p.upprattad + 1 + rng_.below(since);
        } else {
            p.senast_reviderad = days_ago(rng_.below(window + 1));
        }
    }
    if (p.senast_reviderad != kNoDate)
        p.revidering = p.anstallning >= 0 && rng_.percent(60) ? Revidering::automatisk : Revidering::mote;
    if (p.senast_reviderad != kNoDate && flag(kAfAuto)) {
        mark(kAfAuto);
        p.revidering = Revidering::automatisk;
        p.anstallning = -1;
    }
}

void Generator::support_need() {
    Plan& p = plan_;
    if (p.status == PlanStatus::utkast && rng_.percent(60)) return;
    p.has_stodbehov = true;
    const bool deep = (ltu_ && rng_.percent(45)) || (p.has_funktion && rng_.percent(50)) || rng_.percent(12);
    p.niva = deep ? Niva::fordjupat : Niva::grundlaggande;
    p.bedomning.form = TextForm::text;
    p.bedomning.index = static_cast<uint8_t>(rng_.below(deep ? kBedomningFordjupat.size() : kBedomningGrundlaggande.size()));
    p.stodbehov_bedomd = p.upprattad != kNoDate ? p.upprattad : std::min<Date>(today_, p.inskrivning + rng_.below(10));
}

void Generator::old_fields() {
    Plan& p = plan_;
    // plans established before 2022-12-01 carry the fields of the older rules
    if (p.status == PlanStatus::utkast || p.upprattad >= kNewRulesFrom) return;
    p.amp_bedomning = {TextForm::text, static_cast<uint8_t>(rng_.below(kAmpBedomning.size()))};
    p.stod_fran_af = {TextForm::text, static_cast<uint8_t>(rng_.below(kStodFranAf.size()))};
    p.has_planerad_uppfoljning = true;
    p.pu_datum = add_months(senaste_genomgang(p), 3);
    p.pu_form = static_cast<uint8_t>(rng_.below(3));
}

// Activities.

Anordnare Generator::anordnare_for(ActType t) {
    switch (t) {
    case ActType::sokaktivitet:
    case ActType::sius: return Anordnare::af;
    case ActType::arbetspraktik: {
        const int w = rng_.weighted(std::array<int, 4>{55, 20, 20, 5});
        return std::array{Anordnare::af, Anordnare::kommun, Anordnare::leverantor, Anordnare::ideburen}[w];
    }
    case ActType::arbetsmarknadsutbildning: return rng_.percent(90) ? Anordnare::leverantor : Anordnare::folkhogskola;
    case ActType::rusta_och_matcha: return Anordnare::leverantor;
    case ActType::studier: return rng_.percent(50) ? Anordnare::folkhogskola : Anordnare::kommun;
    case ActType::kommunal_insats: return Anordnare::kommun;
    }
    return Anordnare::af;
}

ActType Generator::main_type() {
    const Plan& p = plan_;
    const bool sius_ok = p.has_funktion && p.dokumenterad == Opt::yes && p.paverkar == Opt::yes;
    const int kommunal = p.kommun == kStockholm || p.kommun == kGoteborg ? 18 : 10;
    const int t = rng_.weighted(std::array<int, 7>{4, 22, 15, sius_ok ? 40 : 0, 25, 10, kommunal});
    return static_cast<ActType>(t);
}

int Generator::duration(ActType t) {
    switch (t) {
    case ActType::sokaktivitet: return rng_.range(90, 365);
    case ActType::arbetspraktik: return rng_.range(30, 120);
    case ActType::arbetsmarknadsutbildning: return rng_.range(60, 240);
    case ActType::sius: return rng_.range(90, 365);
    case ActType::rusta_och_matcha: return rng_.range(90, 180);
    case ActType::studier: return rng_.range(120, 300);
    case ActType::kommunal_insats: return rng_.range(60, 180);
    }
    return 90;
}

Activity Generator::make(ActType t, Anordnare who) {
    Activity a;
    a.typ = t;
    a.anordnare = who;
    a.motivering = {TextForm::text, static_cast<uint8_t>(rng_.below(3))};
    if (who == Anordnare::leverantor) {
        a.provider = static_cast<uint8_t>(rng_.below(kLeverantorer.size()));
        a.org = rng_.percent(2) ? OrgForm::padded : OrgForm::valid;
    } else if (who == Anordnare::folkhogskola) {
        a.provider = static_cast<uint8_t>(rng_.below(kFolkhogskolor.size()));
    } else if (who == Anordnare::ideburen) {
        a.provider = static_cast<uint8_t>(rng_.below(kIdeburna.size()));
    }
    if (who == Anordnare::leverantor || t == ActType::arbetsmarknadsutbildning || (t == ActType::arbetspraktik && rng_.percent(50)))
        a.beslut = 100000u + static_cast<uint32_t>(rng_.below(899999));
    return a;
}

void Generator::add(const Activity& a) {
    if (plan_.n_act < kMaxActivities) plan_.act[plan_.n_act++] = a;
}

void Generator::set_status_by_date(Activity& a, Date ref) {
    if (a.slut != kNoDate && a.slut < ref) {
        a.status = a.anordnare != Anordnare::kommun && rng_.percent(10) ? ActStatus::avbruten : ActStatus::avslutad;
        if (rng_.percent(8)) a.motivering.form = TextForm::null;  // older activities were not always motivated
    } else if (a.start > ref) {
        a.status = ActStatus::planerad;
    } else {
        a.status = ActStatus::pagaende;
    }
}

// A track of activities one after the other, from `start`, with gaps of at most ten days; in
// Göteborg the municipality's activities (the local job track) come together, and with
// `spar_gap` two of them are separated by 15-60 days (a K1480-SPAR violation).
void Generator::track(int count, Date start, bool spar_gap, std::array<Activity, 6>& out, int& n) {
    n = 0;
    if (spar_gap) count = std::max(count, 2);
    for (int i = 0; i < count && i < 6; ++i) {
        const ActType t = main_type();
        out[n++] = make(t, anordnare_for(t));
    }
    const bool goteborg = plan_.kommun == kGoteborg;
    if (spar_gap) {
        for (int i = n - 2; i < n; ++i) out[i] = make(ActType::kommunal_insats, Anordnare::kommun);
    }
    if (goteborg) {
        std::stable_partition(out.begin(), out.begin() + n,
                              [](const Activity& a) { return a.anordnare != Anordnare::kommun; });
    }
    Date at = start;
    for (int i = 0; i < n; ++i) {
        Activity& a = out[i];
        if (i > 0) {
            int gap = rng_.below(11);
            if (spar_gap && i == n - 1) gap = rng_.range(15, 60);
            at = out[i - 1].slut + gap;
        }
        a.start = at;
        a.slut = at + duration(a.typ);
    }
}

void Generator::activities() {
    Plan& p = plan_;
    const bool goteborg = p.kommun == kGoteborg;
    std::array<Activity, 6> main{};
    int n_main = 0;
    const bool spar = goteborg && p.status != PlanStatus::avslutad && flag(kK1480Spar);
    if (spar) mark(kK1480Spar);

    auto search_activity = [&](ActStatus status, Date start, Date slut) {
        Activity a = make(ActType::sokaktivitet, Anordnare::af);
        if (!goteborg && rng_.percent(10)) a.anordnare = Anordnare::none;  // often sent without the organiser
        a.start = start;
        a.slut = slut;
        a.status = status;
        return a;
    };

    if (p.status == PlanStatus::utkast) {
        // a draft: a few activities planned to start soon
        const Date start = today_ + 1 + rng_.below(21);
        if (rng_.percent(45)) add(search_activity(ActStatus::planerad, start, start + rng_.range(90, 270)));
        track(rng_.below(3), start + rng_.below(14), spar, main, n_main);
        for (int i = 0; i < n_main; ++i) {
            main[i].status = ActStatus::planerad;
            add(main[i]);
        }
        return;
    }
    if (p.status == PlanStatus::avslutad) {
        const Date start = p.upprattad + rng_.below(15);
        if (rng_.percent(50)) {
            Activity s = search_activity(ActStatus::avslutad, p.upprattad + rng_.below(10), closed_);
            if (s.start > s.slut) s.start = s.slut;
            add(s);
        }
        track(1 + rng_.below(3), start, false, main, n_main);
        for (int i = 0; i < n_main; ++i) {
            Activity& a = main[i];
            if (a.start >= closed_) break;
            if (a.slut > closed_) a.slut = closed_;
            set_status_by_date(a, today_);
            add(a);
        }
        return;
    }

    // established: a search activity alongside a track of activities that reaches today
    ltu_flag_ = ltu_ && flag(kAfLtu);
    const bool new_rules = today_ >= kNewRulesFrom;
    auto current_search = [&]() {
        const Date start = std::max<Date>(p.upprattad, days_ago(rng_.below(200)));
        const Date slut = new_rules && rng_.percent(20) ? kNoDate : today_ + rng_.range(30, 200);
        return search_activity(start > today_ ? ActStatus::planerad : ActStatus::pagaende, start, slut);
    };
    if (ltu_flag_) {
        // long-term unemployed with only search activities going on (and plans for later)
        mark(kAfLtu);
        p.niva = Niva::grundlaggande;
        p.bedomning.index = static_cast<uint8_t>(p.bedomning.index % kBedomningGrundlaggande.size());
        add(current_search());
        if (spar || rng_.percent(50)) {
            track(1 + rng_.below(2), today_ + 1 + rng_.below(30), spar, main, n_main);
            for (int i = 0; i < n_main; ++i) {
                main[i].status = ActStatus::planerad;
                add(main[i]);
            }
        }
        return;
    }
    const bool with_search = rng_.percent(65);
    if (with_search) add(current_search());
    const int count = with_search && rng_.percent(25) ? 0 : 1 + rng_.below(3);
    const Date start = std::max<Date>(p.upprattad + rng_.below(15), days_ago(rng_.below(240)));
    track(count, start, spar, main, n_main);
    if (n_main > 0 && main[n_main - 1].slut < today_) main[n_main - 1].slut = today_ + rng_.range(14, 120);
    for (int i = 0; i < n_main; ++i) {
        set_status_by_date(main[i], today_);
        add(main[i]);
    }
    // a long-term unemployed job seeker gets deepened support if nothing else is going on
    if (ltu_ && !has_current_measure()) {
        p.niva = Niva::fordjupat;
        p.bedomning.index = static_cast<uint8_t>(p.bedomning.index % kBedomningFordjupat.size());
    }
}

bool Generator::has_current_measure() const {
    for (int i = 0; i < plan_.n_act; ++i)
        if (plan_.act[i].status == ActStatus::pagaende && plan_.act[i].typ != ActType::sokaktivitet) return true;
    return false;
}

void Generator::obligations_and_reports() {
    Plan& p = plan_;
    if (p.status == PlanStatus::utkast) {
        if (rng_.percent(50)) {
            p.skyld_absent = rng_.percent(50);
            return;
        }
    }
    if (rng_.percent(90)) p.skyldigheter |= 1u << 0;
    if (rng_.percent(95)) p.skyldigheter |= 1u << 1;
    if (rng_.percent(40)) p.skyldigheter |= 1u << 2;
    if (rng_.percent(25)) p.skyldigheter |= 1u << 3;
    if (p.skyldigheter == 0) p.skyldigheter = 1u << 1;
    if (!p.has_skyldighet(0) || p.status == PlanStatus::utkast) return;
    // monthly reports for the last (up to) three months, submitted early the next month
    const int first = month_index(p.inskrivning);
    const int last = month_index(p.status == PlanStatus::avslutad ? closed_ : today_) - 1;
    for (int m = std::max(first, last - 2); m <= last && p.n_rep < kMaxReports; ++m) {
        Report& r = p.rep[p.n_rep++];
        r.month = m;
        const int next = m + 1;
        r.inlamnad = std::min<Date>(today_, days_from_civil(next / 12, next % 12 + 1, 1 + rng_.below(12)));
        r.sokta = static_cast<uint8_t>(rng_.below(16));
    }
}

void Generator::follow_ups() {
    Plan& p = plan_;
    if (p.status == PlanStatus::utkast) return;
    const Date end = p.status == PlanStatus::avslutad ? closed_ : today_;
    if (p.senast_reviderad != kNoDate && p.senast_reviderad - p.upprattad > 30 && rng_.percent(50))
        p.fu[p.n_fu++] = {p.upprattad + 14 + rng_.below(p.senast_reviderad - p.upprattad - 14),
                          static_cast<uint8_t>(rng_.below(4))};
    if (p.senast_reviderad != kNoDate && p.revidering == Revidering::mote)
        p.fu[p.n_fu++] = {p.senast_reviderad, static_cast<uint8_t>(rng_.below(4))};
    else if (end - p.upprattad > 20 && rng_.percent(40))
        p.fu[p.n_fu++] = {p.upprattad + 10 + rng_.below(end - p.upprattad - 10), static_cast<uint8_t>(rng_.below(4))};
}

}  // namespace generator

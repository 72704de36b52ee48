// planrules-generate: a deterministic synthetic population of action plans (JSON Lines) with
// rule violations injected at known rates, and the exact expected outcome of every rule.
//
// Standalone on purpose: it does not link the engine. The expected outcomes come from a small
// hand-written reference evaluation of the rules in rules/ (see `evaluate` below), so that a
// batch run of the engine can be compared with an independent implementation.
//
//   planrules-generate --count N [--seed S] [--as-of YYYY-MM-DD] [--rate RULE=FRACTION]...
//                      [--malformed FRACTION] [--out FILE.jsonl|-] [--truth FILE.json]
//                      [--truth-plans FILE.jsonl]
//
// Every plan depends only on (seed, line number, as-of, rates, malformed share): its random
// stream is seeded from the seed and its line number, and only integer arithmetic decides
// anything, so the output is the same on every platform.

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace {

// ---------------------------------------------------------------------------------------------
// Dates: days since 1970-01-01 (proleptic Gregorian), as in the engine.

using Date = int32_t;
constexpr Date kNoDate = INT32_MIN;

struct Ymd {
    int y;
    int m;
    int d;
};

constexpr Date days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

constexpr Ymd civil_from_days(Date z) {
    z += 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const int doe = z - era * 146097;
    const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int y = yoe + era * 400;
    const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int mp = (5 * doy + 2) / 153;
    const int d = doy - (153 * mp + 2) / 5 + 1;
    const int m = mp + (mp < 10 ? 3 : -9);
    return {y + (m <= 2), m, d};
}

constexpr bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

constexpr int days_in_month(int y, int m) {
    constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

// date + N months, the day clamped to the end of the month (2024-08-31 + 6 months = 2025-02-28).
Date add_months(Date date, int months) {
    if (date == kNoDate) return kNoDate;
    const Ymd c = civil_from_days(date);
    const int total = c.y * 12 + (c.m - 1) + months;
    const int y = total >= 0 ? total / 12 : (total - 11) / 12;
    const int m = total - y * 12 + 1;
    return days_from_civil(y, m, std::min(c.d, days_in_month(y, m)));
}

Date add_days(Date date, int days) { return date == kNoDate ? kNoDate : date + days; }

// The month of a date as y*12 + (m-1): the order of "YYYY-MM" periods.
int month_index(Date date) {
    const Ymd c = civil_from_days(date);
    return c.y * 12 + c.m - 1;
}

// age(b): the largest n with b + n years <= today.
int age_on(Date birth, Date today) {
    const Ymd b = civil_from_days(birth);
    const Ymd t = civil_from_days(today);
    int n = t.y - b.y;
    while (n > 0 && add_months(birth, 12 * n) > today) --n;
    return n;
}

bool parse_date(std::string_view s, Date& out) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    int v[3] = {0, 0, 0};
    const std::string_view parts[3] = {s.substr(0, 4), s.substr(5, 2), s.substr(8, 2)};
    for (int i = 0; i < 3; ++i) {
        for (char ch : parts[i])
            if (ch < '0' || ch > '9') return false;
        std::from_chars(parts[i].data(), parts[i].data() + parts[i].size(), v[i]);
    }
    if (v[0] < 1 || v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > days_in_month(v[0], v[1])) return false;
    out = days_from_civil(v[0], v[1], v[2]);
    return true;
}

constexpr Date kNewRulesFrom = days_from_civil(2022, 12, 1);  // förordningen 6 § from 2022-12-01

// ---------------------------------------------------------------------------------------------
// Random numbers: splitmix64 to seed, xoshiro256** to draw. Integer arithmetic only.

uint64_t splitmix64(uint64_t& x) {
    uint64_t z = (x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

class Rng {
public:
    Rng(uint64_t seed, uint64_t stream) {
        uint64_t x = seed;
        const uint64_t mixed = splitmix64(x) ^ (stream * 0xD1B54A32D192ED03ull);
        x = mixed;
        for (auto& word : s_) word = splitmix64(x);
    }

    uint64_t next() {
        const uint64_t result = rotl(s_[1] * 5, 7) * 9;
        const uint64_t t = s_[1] << 17;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = rotl(s_[3], 45);
        return result;
    }

    // 0 .. n-1 (n >= 1), by multiply-shift on the high 32 bits.
    int below(int n) { return static_cast<int>(((next() >> 32) * static_cast<uint64_t>(n)) >> 32); }
    int range(int lo, int hi) { return lo + below(hi - lo + 1); }
    bool percent(int p) { return below(100) < p; }
    // true with probability threshold / 2^53.
    bool chance(uint64_t threshold) { return (next() >> 11) < threshold; }

    template <size_t N>
    int weighted(const std::array<int, N>& weights) {
        int total = 0;
        for (int w : weights) total += w;
        int x = below(total);
        for (size_t i = 0; i < N; ++i) {
            if (x < weights[i]) return static_cast<int>(i);
            x -= weights[i];
        }
        return static_cast<int>(N - 1);
    }

private:
    static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    uint64_t s_[4];
};

uint64_t threshold_of(double fraction) {
    if (fraction <= 0) return 0;
    if (fraction >= 1) return uint64_t{1} << 53;
    return static_cast<uint64_t>(fraction * 9007199254740992.0);
}

// ---------------------------------------------------------------------------------------------
// The rules (rules/af, rules/kommun, rules/leverantor), in the engine's listing order.

enum RuleId : int {
    kAf30D,
    kAf6M,
    kAfForenklad,
    kAfSkyld,
    kAfAktuell,
    kAfDatum,
    kAfAuto,
    kAfSius,
    kAfSamtycke,
    kAfLtu,
    kAfRapport,
    kHp61,
    kHp62,
    kHp63,
    kOld1,
    kOld2,
    kOld3,
    kOld4,
    kK01803M,
    kK1480Spar,
    kLevOrgnr,
    kLevMotivering,
    kRuleCount
};

struct RuleInfo {
    std::string_view id;
    Date from;   // in force from (kNoDate: always)
    Date until;  // in force until, inclusive (kNoDate: open)
    double default_rate;
};

constexpr Date kOldUntil = days_from_civil(2022, 11, 30);

const std::array<RuleInfo, kRuleCount> kRules = {{
    {"AF-30D", kNoDate, kNoDate, 0.08},
    {"AF-6M", kNoDate, kNoDate, 0.10},
    {"AF-FORENKLAD", kNoDate, kNoDate, 0.03},
    {"AF-SKYLD", kNoDate, kNoDate, 0.04},
    {"AF-AKTUELL", kNoDate, kNoDate, 0.0},  // not injected: the activities' statuses follow their dates
    {"AF-DATUM", kNoDate, kNoDate, 0.02},
    {"AF-AUTO", kNoDate, kNoDate, 0.05},
    {"AF-SIUS", kNoDate, kNoDate, 0.02},
    {"AF-SAMTYCKE", kNoDate, kNoDate, 0.08},
    {"AF-LTU", kNoDate, kNoDate, 0.10},
    {"AF-RAPPORT", kNoDate, kNoDate, 0.08},
    {"HP-6.1", kNewRulesFrom, kNoDate, 0.05},
    {"HP-6.2", kNewRulesFrom, kNoDate, 0.03},
    {"HP-6.3", kNewRulesFrom, kNoDate, 0.06},
    {"HP-OLD.1", kNoDate, kOldUntil, 0.05},
    {"HP-OLD.2", kNoDate, kOldUntil, 0.04},
    {"HP-OLD.3", kNoDate, kOldUntil, 0.05},
    {"HP-OLD.4", kNoDate, kOldUntil, 0.06},
    {"K0180-3M", kNoDate, kNoDate, 0.08},
    {"K1480-SPAR", kNoDate, kNoDate, 0.10},
    {"LEV-ORGNR", kNoDate, kNoDate, 0.04},
    {"LEV-MOTIVERING", kNewRulesFrom, kNoDate, 0.03},
}};

bool in_force(RuleId rule, Date today) {
    const RuleInfo& r = kRules[rule];
    return (r.from == kNoDate || today >= r.from) && (r.until == kNoDate || today <= r.until);
}

// ---------------------------------------------------------------------------------------------
// Reference data: municipalities, texts, providers.

struct Kommun {
    std::string_view code;
    std::string_view name;  // as the municipality's own unit is named in an activity
    int weight;
};

constexpr std::array<Kommun, 22> kKommuner = {{
    {"0180", "Stockholms stad, Jobbtorg Stockholm", 220},
    {"1480", "Göteborgs stad, Arbetsmarknad och vuxenutbildning", 150},
    {"1280", "Malmö stad, Jobb Malmö", 80},
    {"0380", "Uppsala kommun, Arbetsmarknadsförvaltningen", 45},
    {"0580", "Linköpings kommun, Jobbcenter", 35},
    {"0581", "Norrköpings kommun, Arbetsmarknadskontoret", 35},
    {"1880", "Örebro kommun, Jobbtorg Örebro", 35},
    {"1980", "Västerås stad, Arbetsmarknadsenheten", 35},
    {"1283", "Helsingborgs stad, Jobbcenter", 30},
    {"0680", "Jönköpings kommun, Arbetsmarknadsenheten", 30},
    {"2480", "Umeå kommun, Navet", 25},
    {"1490", "Borås stad, Arbetslivsförvaltningen", 25},
    {"0184", "Solna stad, Arbetsmarknadsenheten", 20},
    {"0127", "Botkyrka kommun, Jobbtorg Botkyrka", 25},
    {"2281", "Sundsvalls kommun, Arbetsmarknadsenheten", 20},
    {"1281", "Lunds kommun, Jobbcentrum", 20},
    {"2580", "Luleå kommun, Arbetsmarknadsenheten", 20},
    {"0780", "Växjö kommun, Arbetsmarknadsenheten", 20},
    {"0880", "Kalmar kommun, Arbetsmarknadsenheten", 15},
    {"1780", "Karlstads kommun, Arbetsmarknadsenheten", 20},
    {"2180", "Gävle kommun, Jobbcentrum", 20},
    {"0181", "Södertälje kommun, Jobbcenter", 20},
}};
constexpr int kStockholm = 0;
constexpr int kGoteborg = 1;

std::array<int, kKommuner.size()> kommun_weights() {
    std::array<int, kKommuner.size()> w{};
    for (size_t i = 0; i < kKommuner.size(); ++i) w[i] = kKommuner[i].weight;
    return w;
}

enum class ActType : uint8_t {
    sokaktivitet,
    arbetspraktik,
    arbetsmarknadsutbildning,
    sius,
    rusta_och_matcha,
    studier,
    kommunal_insats,
};
constexpr std::array<std::string_view, 7> kActTypeNames = {
    "sokaktivitet", "arbetspraktik", "arbetsmarknadsutbildning", "sius", "rusta_och_matcha", "studier",
    "kommunal_insats"};

// Motivations (arbetsmarknadspolitiska motiveringar), three per activity type.
constexpr std::array<std::array<std::string_view, 3>, 7> kMotiveringar = {{
    {{"Den sökande ska söka arbeten inom sitt yrkesområde och närliggande yrken för att komma i arbete så snart som möjligt.",
      "Aktivt och brett sökande av lämpliga arbeten är den snabbaste vägen till en anställning.",
      "Sökandet riktas mot branscher med många lediga jobb i pendlingsavstånd."}},
    {{"Praktiken ger referenser i yrket och visar arbetsgivare vad den sökande kan.",
      "Praktiken ger arbetslivserfarenhet i Sverige och möjlighet att träna svenska på en arbetsplats.",
      "Praktiken prövar om yrket passar innan en längre utbildning påbörjas."}},
    {{"Utbildningen leder till ett bristyrke där det finns goda möjligheter till arbete i regionen.",
      "Utbildningen ger den formella kompetens som arbetsgivarna efterfrågar inom yrket.",
      "Utbildningen kompletterar en utländsk yrkesutbildning så att den motsvarar svenska krav."}},
    {{"Stöd av en SIUS-konsulent behövs för att hitta och behålla ett arbete med rätt anpassningar.",
      "SIUS ger introduktion på arbetsplatsen och uppföljning så att anställningen håller.",
      "Funktionsnedsättningen kräver särskilt stöd vid introduktionen på en ny arbetsplats."}},
    {{"Leverantören ger stöd i att matcha den sökande mot lediga arbeten och rusta inför intervjuer.",
      "Matchningsstödet behövs för att bredda sökområdet och nå fler arbetsgivare.",
      "Den sökande behöver rustas med cv, intervjuträning och kontakter med arbetsgivare."}},
    {{"Studierna ger den gymnasiekompetens som krävs för de flesta lediga arbeten.",
      "Studier i svenska för invandrare förbättrar möjligheterna att få arbete.",
      "Studierna på folkhögskola ger behörighet till en yrkesutbildning med goda jobbchanser."}},
    {{"Kommunens arbetsträning ger stöd att närma sig arbetsmarknaden steg för steg.",
      "Jobbspåret i kommunen leder till anställning hos en arbetsgivare i regionen.",
      "Kommunens insats samordnas med det ekonomiska biståndet och leder mot egen försörjning."}},
}};

constexpr std::array<std::string_view, 5> kBedomningGrundlaggande = {
    "Behöver stöd att bredda sitt sökområde till närliggande yrken.",
    "Har aktuell utbildning och erfarenhet; behöver främst stöd i att söka arbete digitalt.",
    "Behöver stöd att ta fram ett cv och personliga brev riktade mot lager och logistik.",
    "Står nära arbetsmarknaden men behöver hjälp att hitta arbetsgivare inom vård och omsorg.",
    "Behöver stöd att ställa om till ett nytt yrke efter lång tid i samma bransch.",
};
constexpr std::array<std::string_view, 4> kBedomningFordjupat = {
    "Har varit utan arbete länge och behöver fördjupat stöd med tät kontakt och en tydlig plan.",
    "Behöver kartlägga sina förutsättningar och få stöd att närma sig arbetsmarknaden steg för steg.",
    "Saknar gymnasieutbildning och behöver studier och praktik för att kunna matcha lediga jobb.",
    "Funktionsnedsättningen påverkar arbetsförmågan; behöver stöd med anpassningar och arbetsgivarkontakt.",
};
constexpr std::array<std::string_view, 3> kAmpBedomning = {
    "Goda förutsättningar för arbete inom yrket men behöver bredda sökområdet geografiskt.",
    "Arbetsmarknaden för yrket är god i regionen; bedömningen är att den sökande står nära arbete.",
    "Behöver utbildning för att matcha arbetsgivarnas krav inom det sökta yrket.",
};
constexpr std::array<std::string_view, 3> kStodFranAf = {
    "Digitala möten med handläggare och tips på lediga arbeten.",
    "Anvisning till arbetsmarknadsutbildning och uppföljning under utbildningen.",
    "Fysiska möten med handläggare var sjätte vecka och stöd i sökandet.",
};

struct Provider {
    std::string_view name;
    std::string_view org_nr;
};
constexpr std::array<Provider, 8> kLeverantorer = {{
    {"Jobbcentrum Norr AB", "556814-2271"},
    {"Kompetensvägen AB", "556902-4415"},
    {"Framtidsbron Sverige AB", "559012-7786"},
    {"Matchningshuset i Sverige AB", "556744-9013"},
    {"Yrkesakademin Väst AB", "556631-5528"},
    {"Nya Steg Arbetsmarknad AB", "559108-3364"},
    {"Karriärlotsen AB", "556977-0452"},
    {"Arbetsbryggan Syd AB", "559230-6619"},
}};
constexpr std::array<std::string_view, 3> kFolkhogskolor = {"Folkhögskolan Solbacken", "Ängsviks folkhögskola",
                                                            "Folkhögskolan Nordstjärnan"};
constexpr std::array<std::string_view, 2> kIdeburna = {"Föreningen Nya Vägar", "Idéburna Jobbhuset"};
constexpr std::array<std::string_view, 9> kFunktionskoder = {"11", "12", "21", "31", "41", "51", "61", "71", "81"};
constexpr std::array<std::string_view, 4> kUppfoljningForm = {"fysiskt", "video", "telefon", "digitalt"};
constexpr std::array<std::string_view, 3> kAnstallning = {"lonebidrag", "nystartsjobb", "heltid_ombytessokande"};
constexpr std::array<std::string_view, 3> kUtbildning = {"forgymnasial", "gymnasial", "eftergymnasial"};
constexpr std::array<std::string_view, 3> kRegion = {"sverige", "europa", "utanfor_europa"};
constexpr std::array<std::string_view, 4> kSkyldigheter = {"aktivitetsrapportera", "soka_lampliga_arbeten",
                                                           "delta_i_planerade_aktiviteter",
                                                           "ta_emot_lampligt_arbete"};
constexpr uint8_t kSkyldRapportera = 1;

// ---------------------------------------------------------------------------------------------
// The plan as generated: what the engine sees after loading (invalid values read as missing).

enum class PlanStatus : uint8_t { missing, utkast, upprattad, avslutad };
enum class PlanTyp : uint8_t { ordinarie, forenklad };
enum class Revidering : uint8_t { missing, mote, automatisk };
enum class Niva : uint8_t { missing, grundlaggande, fordjupat };
enum class ActStatus : uint8_t { missing, planerad, pagaende, avslutad, avbruten };
enum class Anordnare : uint8_t { none, af, leverantor, kommun, folkhogskola, ideburen };
enum class Opt : uint8_t { missing, no, yes };  // an optional bool
// How a text is written: the four blank forms, or a text from a table.
enum class TextForm : uint8_t { absent, null, empty, spaces, text };
// How an organisation number is written.
enum class OrgForm : uint8_t { valid, padded, absent, null, empty, no_dash, too_short, letter };

constexpr std::array<std::string_view, 4> kActStatusNames = {"planerad", "pagaende", "avslutad", "avbruten"};
constexpr std::array<std::string_view, 5> kAnordnareNames = {"af", "leverantor", "kommun", "folkhogskola",
                                                             "ideburen"};

// What makes a record invalid (JSON, but not the plan format); the struct holds what the
// engine reads (the field missing), the writer writes the bad value.
enum class Corruption : uint8_t {
    none,
    version_string,       // "version": "x"
    upprattad_impossible, // "upprattad_datum": "YYYY-02-30"
    inskrivning_impossible,  // "sokande.inskrivningsdatum": "YYYY-04-31"
    status_missing,       // required "status" left out
    status_unknown,       // "status": "godkand"
    kommun_missing,       // required "sokande.kommun" left out
    activity_status_missing,  // required "aktiviteter[0].status" left out
    tillfalligt_string,   // "sokande.tillfalligt_arbete": "nej"
    sokta_string,         // "aktivitetsrapporter[0].sokta_arbeten": "sex"
};

struct Text {
    TextForm form = TextForm::null;
    uint8_t index = 0;
    bool blank() const { return form != TextForm::text; }
};

struct Activity {
    ActType typ = ActType::sokaktivitet;
    ActStatus status = ActStatus::planerad;
    Date start = kNoDate;
    Date slut = kNoDate;
    bool start_absent = false;  // written without the key rather than null
    bool slut_absent = false;
    Text motivering;
    Anordnare anordnare = Anordnare::none;
    uint8_t provider = 0;
    OrgForm org = OrgForm::valid;
    uint32_t beslut = 0;  // 0: none
};

struct Report {
    int month = 0;
    Date inlamnad = kNoDate;
    uint8_t sokta = 0;
};

struct FollowUp {
    Date datum = kNoDate;
    uint8_t form = 0;
};

constexpr int kMaxActivities = 8;
constexpr int kMaxReports = 8;
constexpr int kMaxFollowUps = 4;

struct Plan {
    uint64_t line = 0;
    int version = 1;
    PlanStatus status = PlanStatus::upprattad;
    PlanTyp typ = PlanTyp::ordinarie;
    Date upprattad = kNoDate;
    Date senast_reviderad = kNoDate;
    Revidering revidering = Revidering::missing;

    uint32_t sokande_id = 0;
    Date fodelsedatum = kNoDate;
    int kommun = 0;  // index in kKommuner, -1 missing
    Date inskrivning = kNoDate;
    Date arbetslos_sedan = kNoDate;
    int8_t utbildning = -1;
    int8_t region = -1;
    Opt tillfalligt = Opt::missing;
    int8_t anstallning = -1;
    Opt ekonomiskt_bistand = Opt::missing;
    Opt etablering = Opt::missing;
    uint8_t omradestyp = 0;

    bool has_funktion = false;
    uint8_t funktion_kod = 0;
    Opt dokumenterad = Opt::missing;
    Opt paverkar = Opt::missing;
    Date samtycke = kNoDate;

    bool has_jobbchans = false;
    uint8_t jc_utfall = 0;
    int jc_tenths = 0;
    bool jc_old_model = false;
    Date jc_bedomd = kNoDate;

    bool has_stodbehov = false;
    bool stodbehov_absent = false;  // written without the key rather than null
    Text bedomning;
    Niva niva = Niva::missing;
    Date stodbehov_bedomd = kNoDate;

    std::array<Activity, kMaxActivities> act{};
    int n_act = 0;
    bool act_absent = false;

    uint8_t skyldigheter = 0;  // bit mask over kSkyldigheter
    bool skyld_absent = false;

    std::array<Report, kMaxReports> rep{};
    int n_rep = 0;

    std::array<FollowUp, kMaxFollowUps> fu{};
    int n_fu = 0;

    Text amp_bedomning;
    Text stod_fran_af;
    bool has_planerad_uppfoljning = false;
    bool pu_absent = false;
    Date pu_datum = kNoDate;
    uint8_t pu_form = 0;

    Corruption corruption = Corruption::none;
    int corrupt_year = 2023;

    bool has_skyldighet(uint8_t bit) const { return (skyldigheter >> bit) & 1; }
    int skyldighet_count() const { return std::popcount(skyldigheter); }
};

// ---------------------------------------------------------------------------------------------
// The reference evaluation: each rule as written in rules/, with three-valued logic.

enum Outcome : uint8_t { kViolated, kIndeterminate, kPassed, kNotApplicable, kNotInForce, kOutcomeCount };
constexpr std::array<std::string_view, kOutcomeCount> kOutcomeNames = {"violated", "indeterminate", "passed",
                                                                       "not_applicable", "not_in_force"};

enum class Tri : uint8_t { F, T, U };

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

Date senaste_genomgang(const Plan& p) {
    return p.senast_reviderad != kNoDate ? p.senast_reviderad : p.upprattad;
}

Tri tnot(Tri a) { return a == Tri::U ? Tri::U : tri(a == Tri::F); }
Tri gt(Date a, Date b) { return a == kNoDate || b == kNoDate ? Tri::U : tri(a > b); }

// langtidsarbetslos of arbetsformedlingen.rules: more than 12 months whatever the age; more than
// 6 months and under 25.
Tri langtidsarbetslos(const Plan& p, Date today) {
    const Tri over12 = gt(today, add_months(p.arbetslos_sedan, 12));
    const Tri over6 = gt(today, add_months(p.arbetslos_sedan, 6));
    const Tri young = p.fodelsedatum == kNoDate ? Tri::U : tri(age_on(p.fodelsedatum, today) < 25);
    return tor(over12, tand(over6, young));
}

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

// ---------------------------------------------------------------------------------------------
// Generation.

struct Config {
    uint64_t count = 0;
    uint64_t seed = 1;
    Date as_of = days_from_civil(2024, 6, 1);
    std::array<double, kRuleCount> rates{};
    std::array<uint64_t, kRuleCount> thresholds{};
    double malformed = 0.001;
    uint64_t malformed_threshold = 0;
};

enum class Malformed : uint8_t { none, not_json, invalid };

class Generator {
public:
    Generator(const Config& cfg, uint64_t line) : cfg_(cfg), today_(cfg.as_of), rng_(cfg.seed, line) {
        plan_.line = line;
    }

    Plan& plan() { return plan_; }
    const std::array<bool, kRuleCount>& injected() const { return injected_; }
    Malformed malformed() const { return malformed_; }
    Rng& rng() { return rng_; }

    void run() {
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

private:
    // Whether to inject a violation of the rule into this plan (only rules in force on as-of).
    bool flag(RuleId rule) { return in_force(rule, today_) && rng_.chance(cfg_.thresholds[rule]); }
    void mark(RuleId rule) { injected_[rule] = true; }

    Date days_ago(int n) const { return today_ - n; }

    void person() {
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

    void registration_and_status() {
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

    void revision() {
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

    void support_need() {
        Plan& p = plan_;
        if (p.status == PlanStatus::utkast && rng_.percent(60)) return;
        p.has_stodbehov = true;
        const bool deep = (ltu_ && rng_.percent(45)) || (p.has_funktion && rng_.percent(50)) || rng_.percent(12);
        p.niva = deep ? Niva::fordjupat : Niva::grundlaggande;
        p.bedomning.form = TextForm::text;
        p.bedomning.index = static_cast<uint8_t>(rng_.below(deep ? kBedomningFordjupat.size() : kBedomningGrundlaggande.size()));
        p.stodbehov_bedomd = p.upprattad != kNoDate ? p.upprattad : std::min<Date>(today_, p.inskrivning + rng_.below(10));
    }

    void old_fields() {
        Plan& p = plan_;
        // plans established before 2022-12-01 carry the fields of the older rules
        if (p.status == PlanStatus::utkast || p.upprattad >= kNewRulesFrom) return;
        p.amp_bedomning = {TextForm::text, static_cast<uint8_t>(rng_.below(kAmpBedomning.size()))};
        p.stod_fran_af = {TextForm::text, static_cast<uint8_t>(rng_.below(kStodFranAf.size()))};
        p.has_planerad_uppfoljning = true;
        p.pu_datum = add_months(senaste_genomgang(p), 3);
        p.pu_form = static_cast<uint8_t>(rng_.below(3));
    }

    // --- activities ---

    Anordnare anordnare_for(ActType t) {
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

    ActType main_type() {
        const Plan& p = plan_;
        const bool sius_ok = p.has_funktion && p.dokumenterad == Opt::yes && p.paverkar == Opt::yes;
        const int kommunal = p.kommun == kStockholm || p.kommun == kGoteborg ? 18 : 10;
        const int t = rng_.weighted(std::array<int, 7>{4, 22, 15, sius_ok ? 40 : 0, 25, 10, kommunal});
        return static_cast<ActType>(t);
    }

    int duration(ActType t) {
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

    Activity make(ActType t, Anordnare who) {
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

    void add(const Activity& a) {
        if (plan_.n_act < kMaxActivities) plan_.act[plan_.n_act++] = a;
    }

    void set_status_by_date(Activity& a, Date ref) {
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
    void track(int count, Date start, bool spar_gap, std::array<Activity, 6>& out, int& n) {
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

    void activities() {
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

    bool has_current_measure() const {
        for (int i = 0; i < plan_.n_act; ++i)
            if (plan_.act[i].status == ActStatus::pagaende && plan_.act[i].typ != ActType::sokaktivitet) return true;
        return false;
    }

    void obligations_and_reports() {
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

    void follow_ups() {
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

    // --- violations injected after the plan is built ---

    // An activity matching `pred`, preferring those that also match `prefer`; -1 if none.
    template <class Pred, class Prefer>
    int choose(Pred pred, Prefer prefer) {
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

    Text blank_text() { return {static_cast<TextForm>(rng_.below(4)), 0}; }

    bool is_current(const Activity& a) const { return a.status == ActStatus::planerad || a.status == ActStatus::pagaende; }
    bool outside_job_track(const Activity& a) const {
        return plan_.kommun != kGoteborg || a.anordnare != Anordnare::kommun;
    }

    void mutations() {
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
    void corrupt() {
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

    const Config& cfg_;
    Date today_;
    Rng rng_;
    Plan plan_;
    std::array<bool, kRuleCount> injected_{};
    Malformed malformed_ = Malformed::none;
    bool f30d_ = false;
    bool ltu_ = false;
    bool ltu_flag_ = false;
    Date closed_ = kNoDate;
};

// ---------------------------------------------------------------------------------------------
// JSON writing: hand-written appends at a cursor into one big buffer that has room for a whole
// plan (kPlanRoom). Every text is our own and needs no escaping (no quotes, backslashes or
// control characters).

constexpr size_t kPlanRoom = size_t{64} << 10;  // far more than the largest plan (about 6 KB)

// "YYYY-MM-DD" of every day from 1900 to 2199, made once: formatting dates is the hot path.
class DateTable {
public:
    static constexpr Date kFirst = days_from_civil(1900, 1, 1);
    static constexpr Date kEnd = days_from_civil(2200, 1, 1);

    DateTable() : text_(static_cast<size_t>(kEnd - kFirst) * 10) {
        char* at = text_.data();
        for (Date d = kFirst; d < kEnd; ++d, at += 10) format(d, at);
    }
    // writes the 10 characters of the date
    void write(Date d, char* at) const {
        if (d >= kFirst && d < kEnd) std::memcpy(at, text_.data() + static_cast<size_t>(d - kFirst) * 10, 10);
        else format(d, at);
    }

private:
    static void format(Date d, char* at) {
        const Ymd c = civil_from_days(d);
        const int y = c.y < 0 ? 0 : c.y % 10000;
        at[0] = static_cast<char>('0' + y / 1000);
        at[1] = static_cast<char>('0' + y / 100 % 10);
        at[2] = static_cast<char>('0' + y / 10 % 10);
        at[3] = static_cast<char>('0' + y % 10);
        at[4] = '-';
        at[5] = static_cast<char>('0' + c.m / 10);
        at[6] = static_cast<char>('0' + c.m % 10);
        at[7] = '-';
        at[8] = static_cast<char>('0' + c.d / 10);
        at[9] = static_cast<char>('0' + c.d % 10);
    }
    std::vector<char> text_;
};

const DateTable& date_table() {
    static const DateTable table;
    return table;
}

class Writer {
public:
    explicit Writer(char* at) : p_(at), dates_(date_table()) {}
    char* end() const { return p_; }

    void raw(std::string_view s) {
        std::memcpy(p_, s.data(), s.size());
        p_ += s.size();
    }
    void ch(char c) { *p_++ = c; }
    void str(std::string_view s) {
        *p_++ = '"';
        raw(s);
        *p_++ = '"';
    }
    void num(int64_t v) { p_ = std::to_chars(p_, p_ + 24, v).ptr; }
    void date(Date d) {
        *p_++ = '"';
        dates_.write(d, p_);
        p_ += 10;
        *p_++ = '"';
    }
    void opt_date(Date d) {
        if (d == kNoDate) raw("null");
        else date(d);
    }
    void period(int month) {
        const int y = month / 12;
        const int m = month % 12 + 1;
        char buf[9] = {'"', char('0' + y / 1000 % 10), char('0' + y / 100 % 10), char('0' + y / 10 % 10),
                       char('0' + y % 10), '-', char('0' + m / 10), char('0' + m % 10), '"'};
        std::memcpy(p_, buf, 9);
        p_ += 9;
    }
    void opt_bool(Opt o) { raw(o == Opt::missing ? "null" : o == Opt::yes ? "true" : "false"); }

    // `,"key":` (the comma unless first)
    void key(std::string_view k, bool first = false) {
        if (!first) *p_++ = ',';
        *p_++ = '"';
        raw(k);
        *p_++ = '"';
        *p_++ = ':';
    }
    // a text field in one of its forms; `absent` writes nothing
    template <size_t N>
    void text(std::string_view k, Text t, const std::array<std::string_view, N>& table, bool first = false) {
        if (t.form == TextForm::absent) return;
        key(k, first);
        switch (t.form) {
        case TextForm::absent: return;
        case TextForm::null: raw("null"); return;
        case TextForm::empty: raw("\"\""); return;
        case TextForm::spaces: raw("\"  \""); return;
        case TextForm::text: str(table[t.index % N]); return;
        }
    }

private:
    char* p_;
    const DateTable& dates_;
};

// Writes the plan at `at` and returns the end.
char* write_plan(const Plan& p, uint64_t seed, char* at) {
    Writer w(at);
    w.ch('{');
    w.key("id", true);
    w.raw("\"HP-");
    w.num(static_cast<int64_t>(seed));
    w.ch('-');
    w.num(static_cast<int64_t>(p.line));
    w.ch('"');
    w.key("version");
    if (p.corruption == Corruption::version_string) w.str("x");
    else w.num(p.version);
    if (p.corruption == Corruption::status_unknown) {
        w.key("status");
        w.str("godkand");
    } else if (p.corruption != Corruption::status_missing) {
        w.key("status");
        w.str(p.status == PlanStatus::utkast ? "utkast" : p.status == PlanStatus::avslutad ? "avslutad" : "upprattad");
    }
    w.key("typ");
    w.str(p.typ == PlanTyp::forenklad ? "forenklad" : "ordinarie");
    w.key("upprattad_datum");
    if (p.corruption == Corruption::upprattad_impossible) w.str(fmt::format("{:04}-02-30", p.corrupt_year));
    else w.opt_date(p.upprattad);
    w.key("senast_reviderad");
    w.opt_date(p.senast_reviderad);
    w.key("revidering");
    if (p.revidering == Revidering::missing) w.raw("null");
    else w.str(p.revidering == Revidering::mote ? "mote" : "automatisk");

    // sokande
    w.key("sokande");
    w.raw("{\"id\":\"AS-");
    w.num(p.sokande_id);
    w.ch('"');
    w.key("fodelsedatum");
    w.opt_date(p.fodelsedatum);
    if (p.kommun >= 0) {
        w.key("kommun");
        w.str(kKommuner[static_cast<size_t>(p.kommun)].code);
    }
    w.key("inskrivningsdatum");
    if (p.corruption == Corruption::inskrivning_impossible) w.str(fmt::format("{:04}-04-31", p.corrupt_year));
    else w.date(p.inskrivning);
    w.key("inskriven_arbetslos_sedan");
    w.opt_date(p.arbetslos_sedan);
    w.key("utbildningsniva");
    if (p.utbildning < 0) w.raw("null");
    else w.str(kUtbildning[static_cast<size_t>(p.utbildning)]);
    w.key("fodelseregion");
    if (p.region < 0) w.raw("null");
    else w.str(kRegion[static_cast<size_t>(p.region)]);
    w.key("tillfalligt_arbete");
    if (p.corruption == Corruption::tillfalligt_string) w.str("nej");
    else w.opt_bool(p.tillfalligt);
    w.key("anstallning");
    if (p.anstallning < 0) w.raw("null");
    else w.str(kAnstallning[static_cast<size_t>(p.anstallning)]);
    w.key("ekonomiskt_bistand");
    w.opt_bool(p.ekonomiskt_bistand);
    w.key("etableringsprogrammet");
    w.opt_bool(p.etablering);
    w.key("omradestyp");
    if (p.omradestyp == 0) w.raw("null");
    else w.num(p.omradestyp);
    w.key("funktionsnedsattning");
    if (!p.has_funktion) {
        w.raw("null");
    } else {
        w.raw("{\"kod\":");
        w.str(kFunktionskoder[p.funktion_kod]);
        w.key("dokumenterad");
        w.opt_bool(p.dokumenterad);
        w.key("paverkar_arbetsformaga");
        w.opt_bool(p.paverkar);
        w.key("samtycke_datum");
        w.opt_date(p.samtycke);
        w.ch('}');
    }
    w.key("jobbchans");
    if (!p.has_jobbchans) {
        w.raw("null");
    } else {
        w.raw("{\"utfall\":");
        w.num(p.jc_utfall);
        w.key("procent");
        w.num(p.jc_tenths / 10);
        w.ch('.');
        w.num(p.jc_tenths % 10);
        w.key("modellversion");
        w.str(p.jc_old_model ? "2021.1" : "2023.2");
        w.key("bedomd");
        w.date(p.jc_bedomd);
        w.ch('}');
    }
    w.ch('}');

    // stodbehov
    if (!p.has_stodbehov) {
        if (!p.stodbehov_absent) {
            w.key("stodbehov");
            w.raw("null");
        }
    } else {
        w.key("stodbehov");
        w.ch('{');
        if (p.niva == Niva::fordjupat) w.text("bedomning", p.bedomning, kBedomningFordjupat, true);
        else w.text("bedomning", p.bedomning, kBedomningGrundlaggande, true);
        w.key("niva", p.bedomning.form == TextForm::absent);
        if (p.niva == Niva::missing) w.raw("null");
        else w.str(p.niva == Niva::fordjupat ? "fordjupat" : "grundlaggande");
        w.key("bedomd");
        w.opt_date(p.stodbehov_bedomd);
        w.ch('}');
    }

    // aktiviteter
    if (!p.act_absent) {
        w.key("aktiviteter");
        w.ch('[');
        for (int i = 0; i < p.n_act; ++i) {
            const Activity& a = p.act[i];
            if (i > 0) w.ch(',');
            w.raw("{\"id\":\"A");
            w.num(i + 1);
            w.ch('"');
            w.key("typ");
            w.str(kActTypeNames[static_cast<size_t>(a.typ)]);
            if (a.status != ActStatus::missing) {
                w.key("status");
                w.str(kActStatusNames[static_cast<size_t>(a.status) - 1]);
            }
            if (!(a.start == kNoDate && a.start_absent)) {
                w.key("start");
                w.opt_date(a.start);
            }
            if (!(a.slut == kNoDate && a.slut_absent)) {
                w.key("slut");
                w.opt_date(a.slut);
            }
            w.text("motivering", a.motivering, kMotiveringar[static_cast<size_t>(a.typ)]);
            w.key("anordnare");
            if (a.anordnare == Anordnare::none) {
                w.raw("null");
            } else {
                w.raw("{\"typ\":");
                w.str(kAnordnareNames[static_cast<size_t>(a.anordnare) - 1]);
                switch (a.anordnare) {
                case Anordnare::leverantor: {
                    const Provider& prov = kLeverantorer[a.provider];
                    switch (a.org) {
                    case OrgForm::valid: w.key("org_nr"); w.str(prov.org_nr); break;
                    case OrgForm::padded: w.key("org_nr"); w.raw("\""); w.raw(prov.org_nr); w.raw(" \""); break;
                    case OrgForm::absent: break;
                    case OrgForm::null: w.key("org_nr"); w.raw("null"); break;
                    case OrgForm::empty: w.key("org_nr"); w.raw("\"\""); break;
                    case OrgForm::no_dash: {
                        std::string s(prov.org_nr);
                        s.erase(6, 1);
                        w.key("org_nr");
                        w.str(s);
                        break;
                    }
                    case OrgForm::too_short: w.key("org_nr"); w.str(prov.org_nr.substr(1)); break;
                    case OrgForm::letter: {
                        std::string s(prov.org_nr);
                        s[3] = 'O';
                        w.key("org_nr");
                        w.str(s);
                        break;
                    }
                    }
                    w.key("namn");
                    w.str(prov.name);
                    break;
                }
                case Anordnare::kommun:
                    w.key("namn");
                    w.str(kKommuner[static_cast<size_t>(p.kommun >= 0 ? p.kommun : 0)].name);
                    break;
                case Anordnare::folkhogskola:
                    w.key("namn");
                    w.str(kFolkhogskolor[a.provider % kFolkhogskolor.size()]);
                    break;
                case Anordnare::ideburen:
                    w.key("namn");
                    w.str(kIdeburna[a.provider % kIdeburna.size()]);
                    break;
                default: break;
                }
                w.ch('}');
            }
            if (a.beslut != 0) {
                w.key("beslut_id");
                w.raw("\"B-");
                w.num(a.beslut);
                w.ch('"');
            }
            w.ch('}');
        }
        w.ch(']');
    }

    // skyldigheter
    if (!(p.skyldigheter == 0 && p.skyld_absent)) {
        w.key("skyldigheter");
        w.ch('[');
        bool first = true;
        for (size_t b = 0; b < kSkyldigheter.size(); ++b) {
            if (!p.has_skyldighet(static_cast<uint8_t>(b))) continue;
            if (!first) w.ch(',');
            first = false;
            w.str(kSkyldigheter[b]);
        }
        w.ch(']');
    }

    // aktivitetsrapporter
    w.key("aktivitetsrapporter");
    w.ch('[');
    for (int i = 0; i < p.n_rep; ++i) {
        const Report& r = p.rep[i];
        if (i > 0) w.ch(',');
        w.raw("{\"period\":");
        w.period(r.month);
        w.key("inlamnad");
        w.opt_date(r.inlamnad);
        w.key("sokta_arbeten");
        if (i == 0 && p.corruption == Corruption::sokta_string) w.str("sex");
        else if (r.inlamnad == kNoDate) w.raw("null");
        else w.num(r.sokta);
        w.ch('}');
    }
    w.ch(']');

    // uppfoljningar
    w.key("uppfoljningar");
    w.ch('[');
    for (int i = 0; i < p.n_fu; ++i) {
        if (i > 0) w.ch(',');
        w.raw("{\"datum\":");
        w.date(p.fu[i].datum);
        w.key("form");
        w.str(kUppfoljningForm[p.fu[i].form]);
        w.ch('}');
    }
    w.ch(']');

    // the fields of the rules before 2022-12-01
    w.text("arbetsmarknadspolitisk_bedomning", p.amp_bedomning, kAmpBedomning);
    w.text("stod_fran_af", p.stod_fran_af, kStodFranAf);
    if (!p.has_planerad_uppfoljning) {
        if (!p.pu_absent) {
            w.key("planerad_uppfoljning");
            w.raw("null");
        }
    } else {
        w.key("planerad_uppfoljning");
        w.raw("{\"datum\":");
        w.opt_date(p.pu_datum);
        w.key("form");
        w.str(kUppfoljningForm[p.pu_form]);
        w.ch('}');
    }
    w.ch('}');
    return w.end();
}

// ---------------------------------------------------------------------------------------------
// Tallies and the truth file.

using Counts = std::array<std::array<uint64_t, kOutcomeCount>, kRuleCount>;

struct Tally {
    uint64_t plans = 0;
    Counts counts{};
};

struct Truth {
    std::vector<uint64_t> not_json;
    std::vector<uint64_t> invalid;
    Tally all;
    std::map<std::string, Tally> by_kommun;
    std::array<uint64_t, kRuleCount> injected{};
    uint64_t registered_30 = 0;              // registered at least 30 days before as-of
    uint64_t registered_30_established = 0;  // ... and the plan is established (upprattad or avslutad)
    uint64_t established_30d_passed = 0;     // established plans: AF-30D passed
    uint64_t established_30d_evaluated = 0;  // established plans: AF-30D passed, violated or indeterminate
    uint64_t established = 0;                // established plans
    uint64_t established_automatic = 0;      // ... revised automatically
    uint64_t long_term = 0;                  // established plans of long-term unemployed (AF-LTU's definition)
    uint64_t long_term_24 = 0;               // ... registered unemployed 24 months or more
    uint64_t bytes = 0;
};

void add(Tally& t, const std::array<Outcome, kRuleCount>& out) {
    ++t.plans;
    for (int r = 0; r < kRuleCount; ++r) ++t.counts[r][out[r]];
}

std::string date_string(Date d) {
    const Ymd c = civil_from_days(d);
    return fmt::format("{:04}-{:02}-{:02}", c.y, c.m, c.d);
}

void write_counts(std::string& s, const Counts& c, const char* indent) {
    s += "{";
    for (int r = 0; r < kRuleCount; ++r) {
        s += fmt::format("{}\n{}  \"{}\": {{", r ? "," : "", indent, kRules[r].id);
        for (int o = 0; o < kOutcomeCount; ++o)
            s += fmt::format("{}\"{}\": {}", o ? ", " : "", kOutcomeNames[o], c[r][o]);
        s += "}";
    }
    s += fmt::format("\n{}}}", indent);
}

void write_list(std::string& s, const std::vector<uint64_t>& v) {
    s += "[";
    for (size_t i = 0; i < v.size(); ++i) s += fmt::format("{}{}", i ? ", " : "", v[i]);
    s += "]";
}

std::string truth_json(const Config& cfg, const Truth& t) {
    std::string s;
    s += "{\n";
    s += "  \"generator\": \"planrules-generate\",\n";
    s += fmt::format("  \"seed\": {},\n", cfg.seed);
    s += fmt::format("  \"as_of\": \"{}\",\n", date_string(cfg.as_of));
    s += fmt::format("  \"count\": {},\n", cfg.count);
    s += fmt::format("  \"plans\": {},\n", t.all.plans);
    s += fmt::format("  \"malformed\": {{\n    \"rate\": {},\n    \"not_json\": ", cfg.malformed);
    write_list(s, t.not_json);
    s += ",\n    \"invalid\": ";
    write_list(s, t.invalid);
    s += "\n  },\n  \"rates\": {";
    for (int r = 0; r < kRuleCount; ++r) s += fmt::format("{}\n    \"{}\": {}", r ? "," : "", kRules[r].id, cfg.rates[r]);
    s += "\n  },\n  \"injected\": {";
    for (int r = 0; r < kRuleCount; ++r) s += fmt::format("{}\n    \"{}\": {}", r ? "," : "", kRules[r].id, t.injected[r]);
    s += "\n  },\n  \"rules\": ";
    write_counts(s, t.all.counts, "  ");
    s += ",\n  \"by_kommun\": {";
    bool first = true;
    for (const auto& [code, tally] : t.by_kommun) {
        s += fmt::format("{}\n    \"{}\": {{\n      \"plans\": {},\n      \"rules\": ", first ? "" : ",", code, tally.plans);
        write_counts(s, tally.counts, "      ");
        s += "\n    }";
        first = false;
    }
    s += "\n  },\n  \"key_figures\": {";
    auto figure = [&](std::string_view name, uint64_t num, uint64_t den, std::string_view definition, bool last = false) {
        s += fmt::format("\n    \"{}\": {{\"numerator\": {}, \"denominator\": {}, \"share\": {}, \"definition\": \"{}\"}}{}",
                         name, num, den, den ? fmt::format("{:.6f}", double(num) / double(den)) : std::string("null"),
                         definition, last ? "" : ",");
    };
    // the ids and definitions of planrules batch's key figures (docs/batch.md)
    auto rule_figure = [&](std::string_view name, RuleId r, std::string_view definition) {
        const auto& c = t.all.counts[r];
        figure(name, c[kPassed], c[kPassed] + c[kViolated] + c[kIndeterminate], definition);
    };
    rule_figure("stodbehov_bedomt", kHp61, "established plans with an assessment of support need: HP-6.1 passed / evaluated");
    rule_figure("aktiviteter_motiverade", kHp63, "established plans with current activities, all of them motivated: HP-6.3 passed / evaluated");
    rule_figure("reviderad_inom_6_manader", kAf6M, "established plans revised within six months: AF-6M passed / evaluated");
    figure("upprattad_inom_30_dagar", t.established_30d_passed, t.established_30d_evaluated,
           "plans established (status upprattad or avslutad) within 30 days of registration: AF-30D passed / evaluated, among established plans");
    figure("inskriven_30_dagar_med_plan", t.registered_30_established, t.registered_30,
           "job seekers registered at least 30 days before as-of (inskrivningsdatum + 30 days <= as-of) whose plan is established (upprattad or avslutad)");
    figure("reviderad_automatiskt", t.established_automatic, t.established,
           "established plans (upprattad or avslutad) whose revidering is automatisk");
    figure("langtidsarbetslos_24_manader", t.long_term_24, t.long_term,
           "established plans of long-term unemployed job seekers (AF-LTU's definition, where it can be decided) registered unemployed 24 months or more",
           true);
    s += "\n  }\n}\n";
    return s;
}

// ---------------------------------------------------------------------------------------------
// Command line.

[[noreturn]] void usage(int status, std::string_view error = {}) {
    if (!error.empty()) {
        fmt::print(stderr, "planrules-generate: {} (see --help)\n", error);
        std::exit(status);
    }
    fmt::print(status ? stderr : stdout,
               "usage: planrules-generate --count N [--seed S] [--as-of YYYY-MM-DD]\n"
               "                          [--rate RULE=FRACTION]... [--malformed FRACTION]\n"
               "                          [--out FILE.jsonl|-] [--truth FILE.json]\n"
               "                          [--truth-plans FILE.jsonl]\n"
               "  --count N            number of lines (plans) to write\n"
               "  --seed S             random seed (default 1)\n"
               "  --as-of DATE         evaluation date the population is built for (default 2024-06-01)\n"
               "  --rate RULE=F        injection rate of a rule's violation (RULE 'all' sets every rule)\n"
               "  --malformed F        share of malformed records (default 0.001)\n"
               "  --out FILE|-         JSON Lines output (default standard output)\n"
               "  --truth FILE         the expected outcomes per rule as JSON\n"
               "  --truth-plans FILE   the expected outcome of every rule for every plan (JSON Lines)\n"
               "rules:");
    for (const RuleInfo& r : kRules) fmt::print(status ? stderr : stdout, " {}={}", r.id, r.default_rate);
    fmt::print(status ? stderr : stdout, "\n");
    std::exit(status);
}

bool parse_fraction(std::string_view s, double& out) {
    std::string copy(s);
    char* end = nullptr;
    errno = 0;
    const double v = std::strtod(copy.c_str(), &end);
    if (copy.empty() || errno || end != copy.c_str() + copy.size() || !(v >= 0 && v <= 1)) return false;
    out = v;
    return true;
}

bool parse_u64(std::string_view s, uint64_t& out) {
    const auto r = std::from_chars(s.data(), s.data() + s.size(), out);
    return !s.empty() && r.ec == std::errc{} && r.ptr == s.data() + s.size();
}

}  // namespace

int main(int argc, char** argv) {
    Config cfg;
    for (int r = 0; r < kRuleCount; ++r) cfg.rates[r] = kRules[r].default_rate;
    std::string out_path = "-";
    std::string truth_path;
    std::string plans_truth_path;
    bool have_count = false;

    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        auto value = [&]() -> std::string_view {
            if (i + 1 >= argc) usage(2, fmt::format("{} needs a value", arg));
            return argv[++i];
        };
        if (arg == "-h" || arg == "--help") {
            usage(0);
        } else if (arg == "--count") {
            if (!parse_u64(value(), cfg.count)) usage(2, "--count takes a whole number");
            have_count = true;
        } else if (arg == "--seed") {
            if (!parse_u64(value(), cfg.seed)) usage(2, "--seed takes a whole number");
        } else if (arg == "--as-of") {
            if (!parse_date(value(), cfg.as_of)) usage(2, "--as-of takes a date YYYY-MM-DD");
            if (cfg.as_of < days_from_civil(1900, 1, 1) || cfg.as_of > days_from_civil(9000, 12, 31))
                usage(2, "--as-of is out of range");
        } else if (arg == "--rate") {
            const std::string_view v = value();
            const size_t eq = v.find('=');
            double fraction = 0;
            if (eq == std::string_view::npos || !parse_fraction(v.substr(eq + 1), fraction))
                usage(2, fmt::format("--rate takes RULE=FRACTION with a fraction from 0 to 1, not '{}'", v));
            const std::string_view id = v.substr(0, eq);
            bool found = false;
            for (int r = 0; r < kRuleCount; ++r) {
                if (id == "all" || id == kRules[r].id) {
                    cfg.rates[r] = fraction;
                    found = true;
                }
            }
            if (!found) usage(2, fmt::format("unknown rule '{}'", id));
        } else if (arg == "--malformed") {
            if (!parse_fraction(value(), cfg.malformed)) usage(2, "--malformed takes a fraction from 0 to 1");
        } else if (arg == "--out") {
            out_path = value();
        } else if (arg == "--truth") {
            truth_path = value();
        } else if (arg == "--truth-plans") {
            plans_truth_path = value();
        } else {
            usage(2, fmt::format("unknown option '{}'", arg));
        }
    }
    if (!have_count) usage(2, "--count is required");
    for (int r = 0; r < kRuleCount; ++r) cfg.thresholds[r] = threshold_of(cfg.rates[r]);
    cfg.malformed_threshold = threshold_of(cfg.malformed);

    FILE* out = out_path == "-" ? stdout : std::fopen(out_path.c_str(), "wb");
    if (!out) {
        fmt::print(stderr, "planrules-generate: cannot write {}: {}\n", out_path, std::strerror(errno));
        return 2;
    }

    FILE* plans_truth = nullptr;
    if (!plans_truth_path.empty() && !(plans_truth = std::fopen(plans_truth_path.c_str(), "wb"))) {
        fmt::print(stderr, "planrules-generate: cannot write {}: {}\n", plans_truth_path, std::strerror(errno));
        return 2;
    }
    std::string plans_buffer;

    Truth truth;
    std::vector<Tally> by_kommun(kKommuner.size() + 1);  // the last: kommun missing
    constexpr size_t kFlushAt = size_t{8} << 20;
    std::vector<char> buffer(kFlushAt + kPlanRoom);
    size_t used = 0;
    bool write_error = false;
    auto flush = [&]() {
        if (used > 0 && std::fwrite(buffer.data(), 1, used, out) != used) write_error = true;
        truth.bytes += used;
        used = 0;
    };
    std::array<Outcome, kRuleCount> outcome{};
    const Date registered_by = cfg.as_of - 30;

    for (uint64_t line = 1; line <= cfg.count; ++line) {
        Generator gen(cfg, line);
        gen.run();
        const Plan& p = gen.plan();
        const size_t start = used;
        used = static_cast<size_t>(write_plan(p, cfg.seed, buffer.data() + start) - buffer.data());
        if (gen.malformed() == Malformed::not_json) {
            // cut off: a proper prefix of an object is never JSON; do not split a UTF-8 sequence
            const size_t length = used - start;
            size_t cut = start + length / 4 + static_cast<size_t>(gen.rng().below(static_cast<int>(length / 2)));
            while (cut > start + 1 && (static_cast<unsigned char>(buffer[cut]) & 0xC0) == 0x80) --cut;
            used = cut;
            truth.not_json.push_back(line);
        } else {
            if (gen.malformed() == Malformed::invalid) truth.invalid.push_back(line);
            evaluate(p, cfg.as_of, outcome);
            add(truth.all, outcome);
            add(by_kommun[p.kommun >= 0 ? static_cast<size_t>(p.kommun) : kKommuner.size()], outcome);
            for (int r = 0; r < kRuleCount; ++r) truth.injected[r] += gen.injected()[r];
            if (plans_truth) {
                plans_buffer += fmt::format("{{\"line\": {}, \"outcomes\": {{", line);
                for (int r = 0; r < kRuleCount; ++r)
                    plans_buffer += fmt::format("{}\"{}\": \"{}\"", r ? ", " : "", kRules[r].id, kOutcomeNames[outcome[r]]);
                plans_buffer += "}}\n";
                if (plans_buffer.size() >= kFlushAt) {
                    std::fwrite(plans_buffer.data(), 1, plans_buffer.size(), plans_truth);
                    plans_buffer.clear();
                }
            }
            // "established": the plan is or was in force (upprattad or avslutad), as planrules batch counts it
            const bool established = p.status == PlanStatus::upprattad || p.status == PlanStatus::avslutad;
            if (p.inskrivning != kNoDate && p.inskrivning <= registered_by) {
                ++truth.registered_30;
                truth.registered_30_established += established;
            }
            if (established) {
                ++truth.established;
                truth.established_automatic += p.revidering == Revidering::automatisk;
                const Tri ltu = langtidsarbetslos(p, cfg.as_of);
                if (ltu == Tri::T) {
                    ++truth.long_term;
                    truth.long_term_24 += add_months(p.arbetslos_sedan, 24) <= cfg.as_of;
                }
            }
            if (established && (outcome[kAf30D] == kPassed || outcome[kAf30D] == kViolated ||
                                outcome[kAf30D] == kIndeterminate)) {
                ++truth.established_30d_evaluated;
                truth.established_30d_passed += outcome[kAf30D] == kPassed;
            }
        }
        buffer[used++] = '\n';
        if (used >= kFlushAt) flush();
    }
    flush();
    for (size_t k = 0; k < by_kommun.size(); ++k)
        if (by_kommun[k].plans > 0)
            truth.by_kommun[k < kKommuner.size() ? std::string(kKommuner[k].code) : std::string("(saknas)")] = by_kommun[k];
    if (out != stdout) {
        if (std::fclose(out) != 0) write_error = true;
    } else if (std::fflush(out) != 0) {
        write_error = true;
    }
    if (plans_truth) {
        std::fwrite(plans_buffer.data(), 1, plans_buffer.size(), plans_truth);
        if (std::fclose(plans_truth) != 0) write_error = true;
    }
    if (write_error) {
        fmt::print(stderr, "planrules-generate: error writing {}\n", out_path);
        return 2;
    }

    if (!truth_path.empty()) {
        const std::string json = truth_json(cfg, truth);
        FILE* f = std::fopen(truth_path.c_str(), "wb");
        if (!f || std::fwrite(json.data(), 1, json.size(), f) != json.size() || std::fclose(f) != 0) {
            fmt::print(stderr, "planrules-generate: cannot write {}\n", truth_path);
            return 2;
        }
    }
    return 0;
}

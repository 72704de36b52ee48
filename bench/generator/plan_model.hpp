// The plan as generated: what the engine sees after loading (invalid values read as missing).

#pragma once

#include "calendar.hpp"

#include <array>
#include <bit>
#include <cstdint>
#include <string_view>

namespace generator {

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

// The date the plan was last gone through: its last revision, or when it was established.
inline Date senaste_genomgang(const Plan& p) {
    return p.senast_reviderad != kNoDate ? p.senast_reviderad : p.upprattad;
}

}  // namespace generator

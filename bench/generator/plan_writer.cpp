// The plan as one line of JSON (see plan_writer.hpp).

#include "plan_writer.hpp"
#include "reference_data.hpp"

#include <fmt/format.h>

#include <array>
#include <charconv>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace generator {

namespace {

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

}  // namespace

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

}  // namespace generator

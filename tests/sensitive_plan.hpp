#pragma once
// The plan of the redaction tests, and what of it must not reach a report for another audience
// than Arbetsförmedlingen. Plain C++ (no planrules header), for the C API tests too.

#include <string>
#include <string_view>

namespace planrules::test {

// A plan with everything that must reach Arbetsförmedlingen only: a SIUS activity, a disability
// code and health words in free text (the assessment of support need), one line of JSON.
inline std::string sensitive_plan_json() {
    return R"({"id": "P-KANSLIG", "version": 1, "status": "upprattad", "typ": "ordinarie", "upprattad_datum": "2024-02-01",)"
           R"( "sokande": {"id": "S-1", "kommun": "0180", "inskrivningsdatum": "2024-01-20",)"
           R"( "funktionsnedsattning": {"kod": "FN-4711", "dokumenterad": false}},)"
           R"( "stodbehov": {"bedomning": "Har depression och ångest, behöver anpassning.", "niva": "fordjupat"},)"
           R"( "skyldigheter": ["aktivitetsrapportera"],)"
           R"( "aktiviteter": [{"id": "A1", "typ": "sius", "status": "pagaende", "start": "2024-02-01", "slut": "2024-01-01",)"
           R"( "anordnare": {"typ": "leverantor", "org_nr": "x"}},)"
           R"( {"id": "A2", "typ": "rusta_och_matcha", "status": "pagaende"}]})";
}

// What of sensitive_plan_json() a report for kommun or leverantor shows ("" when nothing): the
// activity type sius (in any case), the disability code, the health words, the rules about them.
inline std::string sensitive_leak(std::string_view report) {
    std::string lower(report);
    for (auto& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    for (std::string_view word : {"sius", "fn-4711", "depression", "ångest", "af-samtycke", "särskilt introduktions"})
        if (lower.find(word) != std::string::npos) return std::string(word);
    return {};
}

}  // namespace planrules::test

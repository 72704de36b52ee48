#pragma once
// The built-in functions, one row each: the checker takes a call's arity, argument and result
// types and its help line from the row, the compiler whether a call may be folded (a function
// that reads the evaluation date may not) and what a coded argument needs, the evaluator the
// function itself. A new built-in is a row here (builtins.cpp) and an id in check::Builtin.

#include <planrules/check/checker.hpp>
#include <planrules/eval/value.hpp>

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace planrules::builtins {

// What an argument must be (the checker's test of it).
enum class Param : std::uint8_t {
    any,             // any value
    string,          // a string
    date,            // a date
    number,          // int or decimal; the result has its type (abs)
    decimal,         // a number, as a decimal (round)
    string_or_list,  // a string or a list
    part,            // what to look for in the first argument: an element of its list, or a string
    format,          // a format, written as a string literal
    coded,           // a string field declared with a code list
};

// The type of the result.
enum class Returns : std::uint8_t { boolean, integer, string, first_argument };

// One call's arguments and surroundings, as the evaluator passes them.
struct Call {
    const Value* args = nullptr;  // known values, unless the function decides_unknown
    std::uint32_t count = 0;
    std::int64_t today = 0;                  // the evaluation date, in days
    const check::Schema* schema = nullptr;   // for code lists
    std::int64_t code_list = -1;             // Param::coded: the argument's code list (the compiler)
    std::string_view (*keep)(void* evaluator, std::string text) = nullptr;  // text a result points into
    void* evaluator = nullptr;
    const char* failure = nullptr;  // with an error value: why (English, N_: the finding shows it translated)
    [[nodiscard]] std::string_view kept(std::string text) const { return keep(evaluator, std::move(text)); }
};
using Function = Value (*)(Call& call);

struct Builtin {
    check::Builtin id;
    std::string_view name;
    std::string_view signature;  // the help line of a diagnostic about a call (English: text/catalogue.hpp)
    std::uint8_t arity;
    Param params[2];
    Returns returns;
    bool reads_today;      // depends on the evaluation date: never folded at compile time
    bool decides_unknown;  // called with missing arguments (present, missing, blank); any other
                           // function is unknown when an argument is
    bool searches;         // costs steps as a search of its second argument in its first
    Function function;
};

[[nodiscard]] std::span<const Builtin> table() noexcept;
[[nodiscard]] const Builtin& get(check::Builtin id) noexcept;
[[nodiscard]] const Builtin* find(std::string_view name) noexcept;

}  // namespace planrules::builtins

// planrules fmt: a token-level formatter. It lexes the file (keeping comments), reprints the
// tokens of each source line with canonical indentation and spacing, and checks the result by
// parsing it again and comparing syntax trees. See format.hpp for the layout.

#include "diagnostics/codes.hpp"
#include "syntax/keywords.hpp"

#include <planrules/syntax/format.hpp>
#include <planrules/syntax/parser.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

namespace planrules::syntax {

namespace {

using text::tr;

enum class TokenKind : std::uint8_t { word, number, date, rule_id, string, json, comment, punct };

struct Token {
    TokenKind k;
    std::string_view text;
    std::uint32_t line;      // where it starts (0-based)
    std::uint32_t end_line;  // where it ends (a JSON block may span lines)
};

bool ascii_alpha(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool word_start(unsigned char c) { return ascii_alpha(c) || c == '_' || c >= 0x80; }
bool word_char(unsigned char c) { return word_start(c) || digit(c); }
bool id_char(unsigned char c) { return ascii_alpha(c) || digit(c) || c == '_'; }


template <std::size_t N>
bool one_of(std::string_view w, const std::array<std::string_view, N>& set) {
    return std::find(set.begin(), set.end(), w) != set.end();
}

// Words after which an expression continues (a line ending with one continues on the next).
bool operator_word(std::string_view w) {
    static constexpr std::array<std::string_view, 14> words = {"and",     "or",   "not",  "in",    "if",
                                                               "then",    "else", "where", "for",  "exists",
                                                               "require", "when", "due",  "at"};
    return one_of(w, words);
}

class Lexer {
public:
    explicit Lexer(std::string_view text) : t_(text) {}

    // False on a character the language does not have (the parser would have refused it).
    bool run(std::vector<Token>& out) {
        std::size_t i = 0;
        while (i < t_.size()) {
            unsigned char c = static_cast<unsigned char>(t_[i]);
            if (c == '\n') {
                ++line_;
                ++i;
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
                ++i;
                continue;
            }
            std::size_t start = i;
            std::uint32_t start_line = line_;
            TokenKind kind;
            if (c == '#') {
                while (i < t_.size() && t_[i] != '\n') ++i;
                kind = TokenKind::comment;
            } else if (c == '"') {
                i = scan_string(i);
                if (i == npos) return false;
                kind = TokenKind::string;
            } else if (c == '{' && json_next_) {
                i = scan_json(i);
                if (i == npos) return false;
                kind = TokenKind::json;
            } else if (rule_id_next_ && ascii_alpha(c)) {
                while (i < t_.size() && id_char(static_cast<unsigned char>(t_[i]))) ++i;
                while (i + 1 < t_.size() && (t_[i] == '-' || t_[i] == '.') &&
                       id_char(static_cast<unsigned char>(t_[i + 1]))) {
                    ++i;
                    while (i < t_.size() && id_char(static_cast<unsigned char>(t_[i]))) ++i;
                }
                kind = TokenKind::rule_id;
            } else if (digit(c) && start >= 2 && t_[start - 1] == '.' &&
                       word_char(static_cast<unsigned char>(t_[start - 2]))) {
                // a segment of a rule set name (local.0001, k.0y): one word, not a number
                while (i < t_.size() && word_char(static_cast<unsigned char>(t_[i]))) ++i;
                kind = TokenKind::word;
            } else if (digit(c)) {
                if (is_date(i)) {
                    i += 10;
                    kind = TokenKind::date;
                } else {
                    while (i < t_.size() && digit(static_cast<unsigned char>(t_[i]))) ++i;
                    if (i + 1 < t_.size() && t_[i] == '.' && digit(static_cast<unsigned char>(t_[i + 1]))) {
                        ++i;
                        while (i < t_.size() && digit(static_cast<unsigned char>(t_[i]))) ++i;
                    }
                    kind = TokenKind::number;
                }
            } else if (word_start(c)) {
                while (i < t_.size() && word_char(static_cast<unsigned char>(t_[i]))) ++i;
                kind = TokenKind::word;
            } else {
                static constexpr std::string_view two[] = {"<=", ">=", "==", "!="};
                static constexpr std::string_view one = "()[]{},:?.<>=+-*/%";
                std::string_view rest = t_.substr(i);
                bool found = false;
                for (auto op : two)
                    if (rest.substr(0, 2) == op) {
                        i += 2;
                        found = true;
                        break;
                    }
                if (!found) {
                    if (one.find(static_cast<char>(c)) == std::string_view::npos) return false;
                    ++i;
                }
                kind = TokenKind::punct;
            }
            Token tok{kind, t_.substr(start, i - start), start_line, line_};
            if (kind != TokenKind::comment) note(tok);
            out.push_back(tok);
        }
        return true;
    }

private:
    static constexpr std::size_t npos = std::string_view::npos;

    bool is_date(std::size_t i) const {
        if (i + 10 > t_.size()) return false;
        for (std::size_t k = 0; k < 10; ++k) {
            unsigned char ch = static_cast<unsigned char>(t_[i + k]);
            if ((k == 4 || k == 7) ? ch != '-' : !digit(ch)) return false;
        }
        return i + 10 == t_.size() || !word_char(static_cast<unsigned char>(t_[i + 10]));
    }

    // A string, with `{…}` interpolations that may hold strings of their own.
    std::size_t scan_string(std::size_t i) const {
        ++i;
        int depth = 0;
        while (i < t_.size()) {
            char c = t_[i];
            if (c == '\n') return npos;
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '"') {
                if (depth == 0) return i + 1;
                i = scan_string(i);
                if (i == npos) return npos;
                continue;
            }
            if (c == '{') ++depth;
            else if (c == '}' && depth > 0) --depth;
            ++i;
        }
        return npos;
    }

    // Inline JSON: balanced braces and brackets, JSON strings skipped; exactly as the parser
    // finds its end (json_block_parser in tokens.hpp), line breaks in strings included.
    std::size_t scan_json(std::size_t i) {
        std::uint32_t depth = 0;
        for (; i < t_.size(); ++i) {
            char c = t_[i];
            if (c == '\n') ++line_;
            if (c == '"') {
                ++i;
                while (i < t_.size() && t_[i] != '"') {
                    if (t_[i] == '\\' && i + 1 < t_.size()) ++i;
                    if (t_[i] == '\n') ++line_;
                    ++i;
                }
                if (i >= t_.size()) return npos;
            } else if (c == '{' || c == '[') {
                ++depth;
            } else if (c == '}' || c == ']') {
                if (--depth == 0) return i + 1;
            }
        }
        return npos;
    }

    // What the next token may be: a rule id after `rule`, `override`, a figure's `from`, `expect [no|only]` and
    // the commas of `expect only`; inline JSON after a test's `plan`.
    void note(const Token& tok) {
        const bool after_dot = prev_ == ".";
        rule_id_next_ = false;
        json_next_ = false;
        // (after `expect`, `no` and `only` are read as rule ids: same text, same treatment)
        const bool word = tok.k == TokenKind::word || tok.k == TokenKind::rule_id;
        if (word && !after_dot) {
            if (tok.k == TokenKind::word && keywords::declaration(tok.text)) {
                test_ = tok.text == "test";
                figure_ = tok.text == "figure";
            }
            if (tok.text == "rule" || tok.text == "override" || (figure_ && tok.text == "from")) rule_id_next_ = true;
            if (test_ && (tok.text == "expect" || ((tok.text == "no" || tok.text == "only") && prev_ == "expect")))
                rule_id_next_ = true;
            if (test_ && tok.text == "plan") json_next_ = true;
        }
        if (word && tok.text == "only" && prev_ == "expect") only_list_ = true;
        else if (tok.k == TokenKind::punct && tok.text == "," && only_list_) rule_id_next_ = true;
        else if (tok.k != TokenKind::rule_id) only_list_ = false;
        prev_ = tok.text;
    }

    std::string_view t_;
    std::uint32_t line_ = 0;
    std::string_view prev_;
    bool rule_id_next_ = false;
    bool json_next_ = false;
    bool only_list_ = false;
    bool test_ = false;
    bool figure_ = false;
};

enum class Decl : std::uint8_t { none, ruleset, define, rule, override_, test, type, enum_, root, figure, group };

Decl decl_of(std::string_view w) {
    if (w == "ruleset") return Decl::ruleset;
    if (w == "define") return Decl::define;
    if (w == "rule") return Decl::rule;
    if (w == "override") return Decl::override_;
    if (w == "test") return Decl::test;
    if (w == "type") return Decl::type;
    if (w == "enum" || w == "codes") return Decl::enum_;
    if (w == "root") return Decl::root;
    if (w == "figure") return Decl::figure;
    if (w == "group") return Decl::group;
    return Decl::none;
}

// Does a line starting with `first` (then `next`) start a clause of declaration `d`?
bool clause_start(Decl d, const Token& first, const Token* next) {
    if (first.k != TokenKind::word) return false;
    std::string_view w = first.text, n = next ? next->text : std::string_view{};
    switch (d) {
        case Decl::ruleset: return w == "authority" || w == "schema" || w == "extends" || w == "applies";
        case Decl::rule:
            return w == "severity" || w == "mandatory" || w == "sensitive" || (w == "in" && n == "force") ||
                   w == "source" || w == "tags" || w == "when" || (w == "for" && n == "each") || w == "require" ||
                   (w == "if" && n == "missing") || w == "at" || w == "due" || w == "message";
        case Decl::override_: return w == "severity" || w == "disabled" || w == "disable" || w == "message";
        case Decl::test:
            return (w == "as" && n == "of") || (w == "plan" && next && (next->k == TokenKind::string || next->k == TokenKind::json)) ||
                   w == "audience" || w == "expect";
        case Decl::figure:
            return (w == "label" && next && next->k == TokenKind::string) || w == "from" || w == "denominator" ||
                   w == "numerator";
        default: return false;
    }
}

// A line ending with this token continues on the next one.
bool continues(const Token& t) {
    if (t.k == TokenKind::word) return operator_word(t.text);
    if (t.k != TokenKind::punct) return false;
    return t.text != ")" && t.text != "]" && t.text != "}" && t.text != "?" && t.text != ">";
}

class Printer {
public:
    Printer(const std::vector<Token>& toks) : toks_(toks) {}

    std::string run() {
        mark();
        // Source lines of tokens; a token that starts where a multi-line token ended joins it.
        std::vector<std::pair<std::size_t, std::size_t>> lines;  // [first, last) token indices
        for (std::size_t i = 0; i < toks_.size(); ++i) {
            if (lines.empty() || toks_[i].line > toks_[lines.back().second - 1].end_line) lines.push_back({i, i + 1});
            else lines.back().second = i + 1;
        }
        std::vector<std::size_t> pending;  // comment-only lines waiting for the next code line
        for (std::size_t li = 0; li < lines.size(); ++li) {
            auto [b, e] = lines[li];
            if (toks_[b].k == TokenKind::comment) {
                pending.push_back(li);
                continue;
            }
            int indent = classify(b, e);
            // blank lines: at most one; exactly one before a rule, test, … with its comments
            const std::size_t unit_first = pending.empty() ? li : pending.front();
            const bool block = indent == 0 && toks_[b].k == TokenKind::word && keywords::block(toks_[b].text);
            for (std::size_t k = 0; k <= pending.size(); ++k) {
                std::size_t l = k < pending.size() ? pending[k] : li;
                bool blank = l > 0 && blank_before(lines, l);
                if (l == unit_first && block) blank = true;
                if (out_.empty()) blank = false;
                if (blank) out_ += '\n';
                if (k < pending.size()) emit_comment_line(lines[l], indent);
            }
            pending.clear();
            emit_line(b, e, indent);
        }
        for (std::size_t k = 0; k < pending.size(); ++k) {
            if (!out_.empty() && pending[k] > 0 && blank_before(lines, pending[k])) out_ += '\n';
            emit_comment_line(lines[pending[k]], 0);
        }
        return out_;
    }

private:
    bool blank_before(const std::vector<std::pair<std::size_t, std::size_t>>& lines, std::size_t l) const {
        return toks_[lines[l].first].line > toks_[lines[l - 1].second - 1].end_line + 1;
    }

    // The indentation of a code line, and the declaration state after it.
    int classify(std::size_t b, std::size_t e) {
        const Token& first = toks_[b];
        const Token* next = b + 1 < e ? &toks_[b + 1] : nullptr;
        int indent;
        if (braces_ > 0 && parens_ == 0) {
            indent = first.k == TokenKind::punct && first.text == "}" ? 0 : 2;
            statement_ = 2;
        } else if (parens_ == 0 && !open_ && first.k == TokenKind::word && keywords::declaration(first.text)) {
            indent = 0;
            statement_ = 0;
            decl_ = decl_of(first.text);
        } else if (parens_ == 0 && !open_ && clause_start(decl_, first, next)) {
            indent = 2;
            statement_ = 2;
        } else {
            indent = statement_ + 2;
        }
        // brackets, braces and whether the line's last token leaves the expression open
        const Token* last = nullptr;
        for (std::size_t i = b; i < e; ++i) {
            const Token& t = toks_[i];
            if (t.k == TokenKind::comment) continue;
            last = &t;
            if (t.k != TokenKind::punct) continue;
            if (t.text == "(" || t.text == "[") ++parens_;
            else if ((t.text == ")" || t.text == "]") && parens_ > 0) --parens_;
            else if (t.text == "{") ++braces_;
            else if (t.text == "}" && braces_ > 0) --braces_;
        }
        open_ = last && continues(*last);
        return indent;
    }

    void emit_comment_line(std::pair<std::size_t, std::size_t> line, int indent) {
        out_.append(static_cast<std::size_t>(indent), ' ');
        out_ += rtrim(toks_[line.first].text);
        out_ += '\n';
    }

    void emit_line(std::size_t b, std::size_t e, int indent) {
        std::string line(static_cast<std::size_t>(indent), ' ');
        for (std::size_t i = b; i < e; ++i) {
            const Token& t = toks_[i];
            if (i > b) line += space(i);
            if (t.k == TokenKind::comment) line += rtrim(t.text);
            else if (t.k == TokenKind::json) line += json(t.text);
            else line += t.text;
        }
        out_ += rtrim(line);
        out_ += '\n';
    }

    // Inline JSON as written, without trailing whitespace on its lines (outside strings).
    static std::string json(std::string_view text) {
        std::string out;
        bool in_string = false;
        for (std::size_t i = 0; i < text.size(); ++i) {
            char c = text[i];
            if (c == '\n' && !in_string) {
                while (!out.empty() && (out.back() == ' ' || out.back() == '\t' || out.back() == '\r')) out.pop_back();
            }
            out += c;
            if (in_string && c == '\\' && i + 1 < text.size()) {
                out += text[++i];
            } else if (c == '"') {
                in_string = !in_string;
            }
        }
        return out;
    }

    static std::string_view rtrim(std::string_view s) {
        while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
        return s;
    }

    // The previous token that is not a comment.
    const Token* previous(std::size_t i) const {
        while (i > 0) {
            --i;
            if (toks_[i].k != TokenKind::comment) return &toks_[i];
        }
        return nullptr;
    }

    bool reserved(std::string_view w) const {
        return is_reserved_word(w) && w != "today" && w != "true" && w != "false";
    }

    // Unary minus: at the start of an operand.
    bool unary(std::size_t i) const {
        const Token* p = previous(i);
        if (!p) return true;
        if (p->k == TokenKind::punct) return p->text != ")" && p->text != "]" && p->text != "}";
        if (p->k == TokenKind::word) return reserved(p->text);
        return false;
    }

    // Marks the angle brackets of `list<T>` and the unary minus signs.
    void mark() {
        flags_.assign(toks_.size(), 0);
        int angles = 0;
        for (std::size_t i = 0; i < toks_.size(); ++i) {
            const Token& t = toks_[i];
            if (t.k != TokenKind::punct) continue;
            if (t.text == "<") {
                const Token* p = previous(i);
                const Token* pp = p ? previous(static_cast<std::size_t>(p - toks_.data())) : nullptr;
                const bool after_type = pp && pp->k == TokenKind::punct &&
                                        (pp->text == ":" || (pp->text == "<" && (flags_[static_cast<std::size_t>(pp - toks_.data())] & angle_open)));
                if (p && p->k == TokenKind::word && p->text == "list" && after_type) {
                    flags_[i] |= angle_open;
                    ++angles;
                }
            } else if (t.text == ">" && angles > 0) {
                flags_[i] |= angle_close;
                --angles;
            } else if (t.text == "-" && unary(i)) {
                flags_[i] |= unary_minus;
            }
        }
    }

    std::string_view space(std::size_t i) const {
        const Token& t = toks_[i];
        const Token& p = toks_[i - 1];
        if (t.k == TokenKind::comment) return "  ";
        const bool tp = t.k == TokenKind::punct, pp = p.k == TokenKind::punct;
        if (tp && (t.text == "," || t.text == ")" || t.text == "]" || t.text == "?" || t.text == ":" || t.text == "."))
            return "";
        if (pp && (p.text == "(" || p.text == "[" || p.text == ".")) return "";
        if (flags_[i - 1] & (unary_minus | angle_open)) return "";
        if (flags_[i] & (angle_open | angle_close)) return "";
        if (tp && t.text == "(") return (p.k == TokenKind::word && !reserved(p.text)) ? "" : " ";
        return " ";
    }

    static constexpr std::uint8_t angle_open = 1, angle_close = 2, unary_minus = 4;

    const std::vector<Token>& toks_;
    std::string out_;
    Decl decl_ = Decl::none;
    int statement_ = 0;  // indentation of the line that began the current declaration or clause
    int parens_ = 0;
    int braces_ = 0;
    bool open_ = false;
    std::vector<std::uint8_t> flags_;
};

Diagnostic whole_file(const SourceFilePtr& file, diagnostics::Code code, std::string message, std::string help = {}) {
    return diagnostics::make(code, file, SourceSpan{0, 0}, std::move(message), std::move(help));
}

}  // namespace

FormatResult format_file(const SourceFilePtr& file, const Limits& limits) {
    FormatResult result;
    try {
        auto parsed = parse_file(file, limits);
        if (has_errors(parsed.diagnostics)) {
            for (auto& d : parsed.diagnostics)
                if (d.severity == DiagnosticSeverity::error) result.diagnostics.push_back(std::move(d));
            return result;
        }
        std::string_view text = file->text();
        if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
        std::vector<Token> toks;
        if (!Lexer(text).run(toks)) {
            result.diagnostics.push_back(whole_file(file, "format-failed", tr("planrules fmt could not read this file's tokens")));
            return result;
        }
        std::string formatted = Printer(toks).run();
        // the safety check: the same syntax tree, and formatting again changes nothing
        auto again_file = std::make_shared<SourceFile>(file->name(), formatted);
        auto again = parse_file(again_file, limits);
        if (has_errors(again.diagnostics) ||
            fingerprint(again.file, *again_file) != fingerprint(parsed.file, *file)) {
            result.diagnostics.push_back(whole_file(file, "format-changed-meaning",
                                                    tr("formatting would change what this file means")));
            return result;
        }
        result.text = std::move(formatted);
    } catch (const std::exception& e) {
        result.diagnostics.push_back(
            whole_file(file, "format-failed", tr("planrules fmt failed: {}", e.what()), tr("the file is left as it is")));
        result.text.reset();
    }
    return result;
}

}  // namespace planrules::syntax

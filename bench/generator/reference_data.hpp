// Reference data: municipalities, texts, providers: what generated plans are made of.

#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace generator {

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

inline std::array<int, kKommuner.size()> kommun_weights() {
    std::array<int, kKommuner.size()> w{};
    for (size_t i = 0; i < kKommuner.size(); ++i) w[i] = kKommuner[i].weight;
    return w;
}

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

}  // namespace generator

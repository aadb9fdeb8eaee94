#include "demonames.h"

namespace DemoNames {

namespace {

QList<NameReading> fromPairs(std::initializer_list<std::pair<const char16_t *, const char16_t *>> pairs)
{
    QList<NameReading> names;
    for (const auto &[kanji, kana] : pairs)
        names.append({QString::fromUtf16(kanji), QString::fromUtf16(kana)});
    return names;
}

} // namespace

const QList<NameReading> &familyNames()
{
    // The most common surnames nationwide, plus a few typical of the Matsumoto basin.
    static const QList<NameReading> names = fromPairs({
        {u"佐藤", u"サトウ"},     {u"鈴木", u"スズキ"},     {u"高橋", u"タカハシ"},
        {u"田中", u"タナカ"},     {u"伊藤", u"イトウ"},     {u"渡辺", u"ワタナベ"},
        {u"山本", u"ヤマモト"},   {u"中村", u"ナカムラ"},   {u"小林", u"コバヤシ"},
        {u"加藤", u"カトウ"},     {u"吉田", u"ヨシダ"},     {u"山田", u"ヤマダ"},
        {u"佐々木", u"ササキ"},   {u"山口", u"ヤマグチ"},   {u"松本", u"マツモト"},
        {u"井上", u"イノウエ"},   {u"木村", u"キムラ"},     {u"林", u"ハヤシ"},
        {u"斎藤", u"サイトウ"},   {u"清水", u"シミズ"},     {u"山崎", u"ヤマザキ"},
        {u"森", u"モリ"},         {u"池田", u"イケダ"},     {u"橋本", u"ハシモト"},
        {u"阿部", u"アベ"},       {u"石川", u"イシカワ"},   {u"山下", u"ヤマシタ"},
        {u"中島", u"ナカジマ"},   {u"石井", u"イシイ"},     {u"小川", u"オガワ"},
        {u"前田", u"マエダ"},     {u"岡田", u"オカダ"},     {u"長谷川", u"ハセガワ"},
        {u"藤田", u"フジタ"},     {u"後藤", u"ゴトウ"},     {u"近藤", u"コンドウ"},
        {u"村上", u"ムラカミ"},   {u"遠藤", u"エンドウ"},   {u"青木", u"アオキ"},
        {u"坂本", u"サカモト"},   {u"福田", u"フクダ"},     {u"太田", u"オオタ"},
        {u"西村", u"ニシムラ"},   {u"藤井", u"フジイ"},     {u"金子", u"カネコ"},
        {u"岡本", u"オカモト"},   {u"藤原", u"フジワラ"},   {u"中野", u"ナカノ"},
        {u"三浦", u"ミウラ"},     {u"原田", u"ハラダ"},     {u"竹内", u"タケウチ"},
        {u"丸山", u"マルヤマ"},   {u"小松", u"コマツ"},     {u"百瀬", u"モモセ"},
        {u"上條", u"カミジョウ"}, {u"宮坂", u"ミヤサカ"},
    });
    return names;
}

const QList<NameReading> &maleGivenNames()
{
    static const QList<NameReading> names = fromPairs({
        // born before ~1970
        {u"太郎", u"タロウ"},   {u"一郎", u"イチロウ"}, {u"次郎", u"ジロウ"},   {u"三郎", u"サブロウ"},
        {u"清", u"キヨシ"},     {u"茂", u"シゲル"},     {u"実", u"ミノル"},     {u"勇", u"イサム"},
        {u"博", u"ヒロシ"},     {u"隆", u"タカシ"},     {u"修", u"オサム"},     {u"進", u"ススム"},
        {u"正男", u"マサオ"},   {u"和夫", u"カズオ"},   {u"義雄", u"ヨシオ"},   {u"光男", u"ミツオ"},
        {u"明", u"アキラ"},     {u"豊", u"ユタカ"},     {u"正", u"タダシ"},     {u"健一", u"ケンイチ"},
        // born later
        {u"誠", u"マコト"},     {u"大輔", u"ダイスケ"}, {u"健太", u"ケンタ"},   {u"翔太", u"ショウタ"},
        {u"達也", u"タツヤ"},   {u"直樹", u"ナオキ"},   {u"拓也", u"タクヤ"},   {u"和也", u"カズヤ"},
        {u"聡", u"サトシ"},     {u"剛", u"ツヨシ"},     {u"亮", u"リョウ"},     {u"大樹", u"ダイキ"},
        {u"蓮", u"レン"},       {u"悠真", u"ユウマ"},   {u"陽翔", u"ハルト"},   {u"湊", u"ミナト"},
        {u"大翔", u"ヒロト"},   {u"颯太", u"ソウタ"},   {u"悠斗", u"ユウト"},   {u"陸", u"リク"},
    });
    return names;
}

const QList<NameReading> &femaleGivenNames()
{
    static const QList<NameReading> names = fromPairs({
        // born before ~1970
        {u"花子", u"ハナコ"},   {u"幸子", u"サチコ"},   {u"節子", u"セツコ"},   {u"和子", u"カズコ"},
        {u"洋子", u"ヨウコ"},   {u"恵子", u"ケイコ"},   {u"京子", u"キョウコ"}, {u"美智子", u"ミチコ"},
        {u"久美子", u"クミコ"}, {u"由美子", u"ユミコ"}, {u"文子", u"フミコ"},   {u"千代", u"チヨ"},
        {u"春子", u"ハルコ"},   {u"静江", u"シズエ"},   {u"智子", u"トモコ"},   {u"典子", u"ノリコ"},
        {u"明美", u"アケミ"},   {u"裕子", u"ユウコ"},   {u"直美", u"ナオミ"},   {u"真由美", u"マユミ"},
        // born later
        {u"香織", u"カオリ"},   {u"恵美", u"エミ"},     {u"麻衣", u"マイ"},     {u"美穂", u"ミホ"},
        {u"千尋", u"チヒロ"},   {u"愛", u"アイ"},       {u"彩", u"アヤ"},       {u"美咲", u"ミサキ"},
        {u"さくら", u"サクラ"}, {u"陽菜", u"ヒナ"},     {u"結衣", u"ユイ"},     {u"葵", u"アオイ"},
        {u"凛", u"リン"},       {u"芽依", u"メイ"},     {u"結菜", u"ユイナ"},   {u"杏", u"アン"},
        {u"美優", u"ミユ"},     {u"莉子", u"リコ"},     {u"紗希", u"サキ"},     {u"七海", u"ナナミ"},
    });
    return names;
}

} // namespace DemoNames

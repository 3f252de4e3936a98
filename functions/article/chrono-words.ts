/**
 * Every run of letters chrono-node 2.10.3 (the locales of parse-day.ts) can take into a
 * result, and every run a match of the filler of date-lines.ts can hold, is a chain of these
 * words (`·`: any one letter). Written by infra/chrono-words.ts, which
 * test/unit/chrono-words.test.ts runs to check that it still holds: run it with --write when
 * chrono-node or the filler changes.
 */
export const chronoWords = `
a about abr aft akdt alcuni anni année août approssimativamente approximately apr après aqtt art
avr año bc be bis bnt bot brst brt bst btt c cinq circa ckt clock cxt d december decembre decima
decimo dernier dernièr deux dezember dezembro di dicembre diciannovesima diciannovesimo
diciassettesima diciassettesimo diciembre diciottesima diciottesimo dieci dix dodicesima
dodicesimo dodici domani domenica drei durante déc décembre décima décimo día e earlier eight
einige elf er fa feb febbraio febrero februar feira fev fevereiro fevr fevrier few fifteenth
fifth fine fino first five fjst fjt fkst fkt fnt folgende folgender for four fr freitag fri
fuenf fév févr février fünf für g gennaio gft gio giorni giorno giovedì giu h halb half har
heure hier hkt hnr hour hr hui ict idt ieri il in iot irdt irkst irkt irst ist j janeiro januar
jour jr juli juni jusqu jänner kgt kommende kommender krast krat kst kuyt l luglio lunedì m mai
manhã mar martedì março mañana meia meio mercoledì mercredi mesi mi minuti mié miércoles mois
morgen morning mrz msk mär n neuf next nft night noite november novembre novembro noviembre nuit
nächste nächster o october octobre octubre of oggi okt oktober ora ore ottobre outubro
overmorrow p paio passé più pkt pomeriggio por pour precedent precédent prima primera primero
primo prossima prossimo proximo précedent précédent próximo qtr qua quarta quarter quarto
quattordicesima quattordicesimo quelque quest qui quindicesima quindicesimo rd ret ro s sab sbt
scorsa scorso sedicesima sedicesimo sei sek september septembre septiembre septima septimo
setembro setiembre settembre settima settimo sex sieben siete six soir srt stamani suivant sáb
séptima séptimo t tardi terça tft third thirteenth thirtieth thirty this thur time tkt tmr
tomorrow tra tre tredicesima tredicesimo treize trentesima trentesimo trentunesima trentunesimo
trigesimo trigésimo trim trimestri trois twentieth u uebermorgen undicesima undicesimo undici v
vendredi venerdì ventesima ventesimo venticinquesima venticinquesimo ventiduesima ventiduesimo
ventinovesima ventinovesimo ventiquattresima ventiquattresimo ventiseiesima ventiseiesimo
ventisettesima ventisettesimo ventitreesima ventitreesimo ventottesima ventottesimo ventunesima
ventunesimo vie vier vigesimo vigésimo vor vorige voriger w week wenige wft wib wit während y
yakt year yekt yr z zwei zwölf ª º à übermorgen авг август августа апр апрель апреля бер близько
в вечером воскресенье воскресенья восьме восьми восьмого восьмое впродовж вск вт вторник
вторника вчера вчора вівторка вівторок від г г· год года годик годика годинка годинок груд два
двадцатого двадцатое двадцать двадцяте двадцятого двадцять дванадцяте дванадцяти дванадцятого
дванадцять две двенадцати двенадцатого двенадцатое двенадцать двох двух дві дев девятнадцатого
девятнадцатое девятое дек декабре декабрь декабря декілька день десяте десяти десятого десятое
десять дней дня дні до доба добу друге другого е е· жовт з завтра зараз и июле июль июля июне
июнь июня квартал квартала квіт лет лип листоп листопад листопада лют лютий лютому мае май
майбутні мар март марта мая месяц месяца мин минулий минулого минулому минулої минулі минут
минута минутки минутку минуток минуточек минуточки минуточку минуты місяць місяця місяці н н·
назад наступний наступного наступному наступної наступні недель недельке недельки неделю неделя
неділю неділя неділі несколько ночью ночі ноя ноябре ноябрь ноября о об обіду обіді один
одинадцяте одинадцяти одинадцятого одинадцять одиннадцати одиннадцатого одиннадцатое одиннадцать
одна одной одної одну около окт октябре октябрь октября орієнтовно останні п пар пары позавчера
позавчора позапозавчера позапозавчора пол полночь понедельник понедельника понеділка понеділок
попередній после последние приблизно примерно протягом протязі прошлой прошлом прошлую прошлые
прошлый прошлым пт пятнадцатого пятнадцатое пятница пятницу пятницы пятое після р р· роки року
років рік с сб седьмого седьмое секунда секундочек секундочка секундочки секундочку секундочок
секунды семнадцатого семнадцатое семь сентябре сентябрь сентября середа следующего следующей
следующем следующие следующий следующую спустя среда среды суббота субботу субботы субота суботи
суботу сутки суток сьогодні сьоме сьомого сім сімнадцяте сімнадцятого січ течение течении
тиждень тижню тижня тижні тому трав третье третього третє трех три тридцатого тридцатое тридцать
тридцяте тридцятого тридцять тринадцатого тринадцатое тринадцяте тринадцятого трьох трёх у
упродовж утра утром фев феврале февраль февраля хв хвилин хвилина хвилинки хвилинку хвилинок
хвилиночки хвилиночку хвилиночок цей цього цьому ці цієї час часа часик часика черв через четвер
четверте четвертого четвертое четыре четырех четырнадцатого четырнадцатое четырёх
чотинрнадцятого чотири чотирнадцяте чотирьох чт шести шестнадцатого шестнадцатое шестого шестое
шесть шосте шостого шістнадцяте шістнадцятого шість э э· этим этой этом этот янв январе январь
января яте яти ятнадцяте ятнадцятого ятницю ятниця ятниці ятого ять і
`;

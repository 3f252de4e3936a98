import type { DayLocale } from './parse-day';

/**
 * By locale of parse-day.ts: every run of letters that locale's parser in chrono-node
 * 2.10.3 can take into a result, and every run a match of the filler of date-lines.ts
 * can hold, is a chain of these words (`·`: any one letter). Written by infra/chrono-words.ts,
 * which test/unit/chrono-words.test.ts runs to check that it still holds: run it with --write
 * when chrono-node or the filler changes.
 */
export const chronoWords: Record<DayLocale, string> = {
  en: `
a about aft after ago akdt almt an approximately apr april aqtt around art aug august bc bce be
before bnt bot brst brt bst btt cast cat cct cdt ce chadt chast chst ckt clock clst clt cot
couple cst ct cvt cxt d davt dec december dienstag dimanche domingo donnerstag earlier easst
east eat ect edt eest eet egst egt eight eighteenth el eleven end est et evening feb february
few fifteenth fifth first five fjst fjt fkst fkt fnt for four fourteenth freitag fri from galt
gamt get gft gilt gmt gst gyt h hac hae half har henceforth hkt hlv hna hnc hne hnp hnr hnt hny
hour hovt hr ict idt in iot irdt irkst irkt irst ist jan january jeudi jst jueves jul jun june
just kgt krast krat kst kuyt last later le lhdt lhst lint local lundi lunes m magt mar march
mardi martes mercredi mesz mez midday midnight minute mittwoch miércoles montag morning msk mut
mvt nct nd next nft night nine nineteenth ninth noon nov november now npt nst nut nzdt nzst o
october of on one out overmorrow p pgt pkt qtr quarter rd ret roughly s samedi samstag saturday
sbt sec sep september seven seventeenth several sgt six sixteenth sonntag srt sun sábado t ten
tft the third thirteenth thirtieth thirty this three through thu thur till time tjt tkt tlt tmr
tomorrow tue tvt twelfth twelve twentieth twenty uhr ulat um until utc uyst uyt uzt vendredi vet
viernes vlast vlat vut w wed wednesday week wesz wez wft wgt wib wit y yakt year yekst yekt
yesterday yr z à
`,
  ru: `
a adt aft akdt almt anast anat aqtt art ast awdt azost azot azst bnt bot brst brt bst btt cast
cat cct cdt cest cet chadt chast chst ckt clst clt cot cst ct cvt cxt davt dienstag dimanche
domingo donnerstag easst east eat ect edt eest eet egst egt el est et fjst fjt fkst fkt fnt
freitag fri friday galt gamt get gft gilt gmt gst gyt h hac hae har hay hkt hlv hna hnc hne hnp
hnr hnt hny hovt hr hrs ict idt iot irdt irkst irkt irst ist jeudi jst jueves kgt krast krat kst
kuyt le lhdt lhst lint local lundi lunes m magt mardi martes mdt mercredi mesz mez mittwoch
miércoles monday montag msd msk mst mut mvt myt nct ndt nft novst novt npt nst nut nzdt nzst of
omsst omst on p pdt petst pgt phot pkt pst pyst pyt ret samedi samstag samt sast sat saturday
sbt sct sgt sonntag srt sst sun sunday sábado t tft thu thur thurs thursday time tjt tkt tlt tue
tues tuesday tvt uhr ulat um utc uyst uyt uzt vendredi vet viernes vlast vlat vut wast wat wed
wednesday week west wesz wet wez wft wgst wgt wib wit wst wt yakst yakt yapt year yekst yekt z à
авг август августа апр апреле апрель апреля в вечера вечером восемнадцатого восемнадцатое восемь
воскресенье воскресенья восьми восьмого восьмое вск вт вторник вторника второго второе вчера г
г· год года годик годика годиков году два двадцатого двадцатое двадцать две двенадцати
двенадцатого двенадцатое двенадцать двух девяти девятнадцатого девятнадцатое девятого девятое
девять дек декабре декабрь декабря день десяти десятого десятое десять дней дня до е завтра и
июле июль июля июне июнь июня квартал кварталов лет мае май мар март марта мая месяц месяца мин
минут минута минутки минутку минуток минуточек минуточки минуточку минуту минуты н н· назад
неделе неделек недели недель недельке недельки неделю неделя несколько ночью ноя ноябре ноябрь
ноября ого один одиннадцати одиннадцатого одиннадцатое одиннадцать одна одной одну ое около окт
октябре октябрь октября пар пару пары первого первое пн по позавчера позапозавчера пол полночь
полудня понедельник понедельника после последние примерно прошлой прошлом прошлую прошлые
прошлый прошлым пт пяти пятнадцатого пятнадцатое пятница пятницу пятницы пятого пятое пять с сб
седьмого седьмое сейчас сек секунд секунда секундочек секундочка секундочки секундочку секунду
секунды семи семнадцатого семнадцатое семь сентябре сентябрь сентября следующего следующей
следующем следующие следующий следующую со спустя ср среда среду среды суббота субботу субботы
сутки суток течение течении третье трех три тридцатого тридцатое тридцать тринадцатого
тринадцатое трёх утра утром фев феврале февраль февраля час часа часик часика часиков часов часу
через четверг четверга четвертого четвертое четыре четырех четырнадцатого четырнадцатое четырёх
чт шести шестнадцатого шестнадцатое шестого шестое шесть э э· этим этой этом этот эту янв январе
январь января
`,
  uk: `
a adt aft akdt almt anast anat aqtt art ast awdt azost azot azst bnt bot brst brt bst btt cast
cat cct cdt cest cet chadt chast chst ckt clst clt cot cst ct cvt cxt cер davt dienstag dimanche
domingo donnerstag easst east eat ect edt eest eet egst egt el est et fjst fjt fkst fkt fnt
freitag fri friday galt gamt get gft gilt gmt gst gyt h hac hae har hay hkt hlv hna hnc hne hnp
hnr hnt hny hovt hr hrs ict idt iot irdt irkst irkt irst ist jeudi jst jueves kgt krast krat kst
kuyt le lhdt lhst lint local lundi lunes m magt mardi martes mdt mercredi mesz mez mittwoch
miércoles monday montag msd msk mst mut mvt myt nct ndt nft novst novt npt nst nut nzdt nzst of
omsst omst on p pdt petst pgt phot pkt pst pyst pyt ret samedi samstag samt sast sat saturday
sbt sct sgt sonntag srt sst sun sunday sábado t tft thu thur thurs thursday time tjt tkt tlt tue
tues tuesday tvt uhr ulat um utc uyst uyt uzt vendredi vet viernes vlast vlat vut wast wat wed
wednesday week west wesz wet wez wft wgst wgt wib wit wst wt yakst yakt yapt year yekst yekt z à
бер близько в восьме восьми восьмого впродовж вт вчора вівторка вівторок від го год годин година
години годинка годинки годинку годинок груд два двадцяте двадцятого двадцять дванадцяте
дванадцяти дванадцятого дванадцять двох дві дев декілька день десяте десяти десятого десять дня
дні до доба добу друге другого е е· жовт з завтра зараз квартал квартала квіт лип листоп
листопад листопада лют лютий лютому майбутні минулий минулого минулому минулої минулі місяць
місяця місяці н н· наступний наступного наступному наступної наступні неділю неділя неділі ночі
о об обіду обіді один одинадцяте одинадцяти одинадцятого одинадцять одна одної одну орієнтовно
останні п пар позавчора позапозавчора понеділка понеділок попередній приблизно протягом протязі
пт після р р· роки року років рік сб сек секунда секунди секундочки секундочку секундочок семи
сер середа середи ср субота суботи суботу сьогодні сьоме сьомого сім сімнадцяте сімнадцятого січ
тиждень тижню тижня тижні тому трав третього третє три тридцяте тридцятого тридцять тринадцяте
тринадцятого трьох у упродовж хв хвилин хвилина хвилини хвилинки хвилинку хвилинок хвилиночки
хвилиночку хвилиночок цей цього цьому ці цієї черв через четвер четверга четвергу четверте
четвертого чотинрнадцятого чотири чотирнадцяте чотирьох чт шести шосте шостого шістнадцяте
шістнадцятого шість яте яти ятнадцяте ятнадцятого ятницю ятниця ятниці ятого ять і
`,
  fr: `
a ad aft akdt année aout août aprem après aqtt art au aujourd avr awdt azost azot bc bnt bot
brst brt bst btt c cdt ce cette cinq ckt cot cvt cxt dans davt de decembre demi dernier derniere
dernièr dernière deux dienstag dim dimanche dix domingo donnerstag douze du déc décembre easst
east eat ect edt eest eet egst egt el en er est et fev fevr fevrier fjst fjt fkst fkt fnt
freitag fri friday fév févr février galt gamt get gft gilt gmt gst gyt h hae har heure hier hkt
hlv hne hnr hovt hr hui ict idt il iot irdt irkst irkt irst ist jan janv janvier jeu jeudi jour
jst jueves juil juin jul jun jusqu kgt krast krat kst kuyt l le lhdt lint local lundi m magt mai
mar mardi martes matin mdt mercredi mesz mez midi min minuit minute mittwoch miércoles mois
monday montag msd msk mut mvt n ndt neuf nft nov novembre nuit nut nzdt oct octobre omsst omst
on onze p passe passee passé passée pdt pendant pgt phot pkt pour precedent precédent prochain
prochaine précedent précédent quatre quelque ret s samedi samstag saturday sbt sec semaine sep
septembre sgt six soir sonntag srt suivant suivante sunday sábado t tft thu thur thursday time
tjt tkt treize trimestre trois tue tuesday tvt uhr ulat um un une utc uyst uyt uzt veille ven
vendredi vers vet viernes vlast vlat vut wast wat wed wednesday west wesz wet wez wft wgst wgt
wib wit wst wt y yakt yekst yekt z à
`,
  de: `
a abend aft akdt almt apr april aqtt art awdt azost azot bis bnt bot brst brt bst btt c chste
ckt clst clt cot cxt d den der dez dezember di dienstag diese dimanche do domingo donnerstag
drei easst east eat ect edt eest eet egst egt eine einer einige eins el elf est et feb feber
februar fjst fjt fkst fkt fnt folgende folgender fr freitag fri friday fuenf fünf für g galt
gestern gft gilt gyt h hae hal halb halbe har hay heute hkt hlv hne hnr hny hovt hr ict idt in
iot irdt irkst irkt irst ist j jahre janner januar jeudi jr jueves jul juli juni jänner kgt
kommende kommender krast krat kst kuyt le letzte letzter lhdt lhst lint local lundi lunes m
maerz mai mardi martes mehrere mercredi mesz mez mi minute mitternacht mittwoch miércoles mo
monate monday morgen mrz msk myt mär n naechste neun nft nov november nächste nächster okt
oktober omsst omst on p phot pkt pyst pyt quartal quartale ret s samedi saturday sbt sechs sek
sekunde sep september sieben so srt stunde sunday sábado t tage tft thur thursday time tkt tlt
tue tuesday u uebermorgen ulat uyst uyt v vendredi vergangen vergangene vergangener vier viernes
vlast vlat vor vorangegangene vorangegangener vorhergegangene vorhergegangener vorige voriger
wast wat wed wednesday wenige west wesz wet wez wft wgst wgt wib wit woche wst wt während yakst
yakt yapt yekst yekt z zehn zwei zwoelf zwölf à übermorgen
`,
  es: `
a abr abril aft ago agosto akdt al alguno algunos anast anat anos ao aqtt art aslas ast ava awdt
ayer azost azot azst año años bnt bot brst brt bst btt c chst cinco ckt clst clt cot cst cuarto
cuartos cvt cxt d davt de decima decimo demi desde deslas dia dias dic diciembre dienstag diez
dimanche do doce domingo donnerstag dos duodecimo duodécimo durante décima décimo día días easst
east eat ect edt eest eet egst egt el en ene er ero est este et feb febrero fjst fjt fkst fkt
fnt freitag fri friday galt gamt get gft gilt gmt gst gyt h hae har hay hkt hlv hna hnc hne hnp
hnr hnt hny hora horas hovt hoy hr hrs ict idt iot irdt irkst irkt irst ist jeudi jst jue jueves
jul julio jun junio kgt krast krat kst kuyt la las le lhdt lhst lint local lun lundi lunes m
magt manana mar mardi martes marzo may mayo mañana medi mediodia mediodía mercredi mes meses mez
mie miercoles min mins minutos mittwoch mié miércoles mo monday montag msd msk mst mvt myt nct
ndt nft no noche nov noveno noviembre novst npt nst nueve nut nzdt nzst ocho oct octubre omsst
omst on once p pasado petst pgt phot pkt por primera primero proximo próximo pst pyst pyt quinta
quinto ret ro sab samedi samstag samt sast sat saturday sbt sct sec segunda segundo segundos
seis semana semanas sep septiembre septima septimo setiembre sexta sexto sgt siete sonntag srt
sst sun sunday sáb séptima séptimo t tarde tft thur thurs thursday time tjt tkt tlt to trece
tres trigesimo trigésimo tue tues tuesday tvt u un unos uyst uyt vendredi vet vie viernes
vigesimo vigésimo vlast vlat vo vut wast wat wed wednesday west wesz wet wez wft wgst wgt wib
wit wst wt yakst yakt yapt yekst yekt z ª º à
`,
  pt: `
a abr abril aft ago agora agosto akdt almt anast anat ao aqtt art ast awdt azost azot azst bnt
bot brst brt bst btt c chst ckt clst clt cot cst cvt cxt d das davt de desde dezembro dia
dienstag dimanche do domingo donnerstag easst east eat ect edt eest eet egst egt el est este et
feira fev fevereiro fjst fjt fkst fkt fnt freitag fri friday galt gamt get gft gilt gmt gst gyt
h hae har hay hkt hlv hna hnc hne hnp hnr hnt hny hoje hovt hr hrs ict idt iot irdt irkst irkt
irst ist jan janeiro jeudi jst jueves jul julho jun junho kgt krast krat kst kuyt le lhdt lhst
lint local lundi lunes m magt mai maio manha manhã mar mardi martes março meia meio mercredi
mesz mez mittwoch miércoles monday montag msd msk mst mut mvt myt nct ndt nft noite nov novembro
novst npt nst nut nzdt nzst omsst omst on ontem out outubro p passado petst pgt phot pkt proximo
próximo pst pyst pyt qua quarta qui quinta ret sab samedi samstag samt sast sat saturday sbt sct
seg segunda semana set setembro sex sgt sonntag srt sst sun sunday sábado t tarde ter terça tft
thu thur thurs thursday time tjt tkt tlt tue tues tuesday tvt uhr ulat um utc uyst uyt uzt
vendredi vet viernes vlast vlat vut wast wat wed wednesday west wesz wet wez wft wgst wgt wib
wit wst wt yakst yakt yapt yekst yekt z ª º à às
`,
  it: `
a ad adesso aft ago agosto akdt alcuni anast anat anni anno approssimativamente apr aqtt art
awdt azost azot bc be bnt bot brst brt bst btt cast cat cct cdt ce chadt chast chst cinque circa
ckt clst clt cot cst ct cvt cxt da davt decima decimo del di dic dicembre diciannovesima
diciannovesimo diciassettesima diciassettesimo diciottesima diciottesimo dieci dimanche
dodicesima dodicesimo dodici dom domani domenica domingo donnerstag dopo due e edt entro fa feb
febbraio fine fino fjst fjt fkst fkt fnt fra freitag fri friday g gen gennaio gft gio giorni
giorno giovedi giovedì giu giugno gyt h hac har hay hkt hlv hna hnc hne hnp hnr hnt hny hovt hr
ict idt ieri il in iot irdt irkst irkt irst ist jeudi jst jueves kgt krast krat kst kuyt l lhdt
local lug luglio lunedì m mar martedì marzo mdt mer mercoledi mercoledì mercredi mesi mezzo
minuti minuto mittwoch miércoles monday msd msk mut mvt myt nct ndt nft nona nono notte nov
novembre npt nst nut nzdt nzst oggi omsst omst on ora ore ott ottava ottavo otto ottobre p paio
pdt per phot più pkt pomeriggio prima primo prossima prossimo pyst pyt qualche quarta quarto
quattordicesima quattordicesimo quattro quest questo quindicesima quindicesimo quinta quinto ret
s sab sabato saturday sbt scorsa scorso sec secondo sedicesima sedicesimo sei sera sesto
settembre settima settimana settimane settimo sonntag srt stamani sunday sábado t tardi terza
terzo tft thu thur thursday time tjt tkt tra tre tredicesima tredicesimo trentesima trentesimo
trentunesima trentunesimo trim trimestri tue tuesday tvt uhr ulat um un undicesima undicesimo
undici uno utc uyst uyt uzt ven vendredi venerdi venerdì ventesima ventesimo venticinquesima
venticinquesimo ventiduesima ventiduesimo ventinovesima ventinovesimo ventiquattresima
ventiquattresimo ventiseiesima ventiseiesimo ventisettesima ventisettesimo ventitreesima
ventitreesimo ventottesima ventottesimo ventunesima ventunesimo vet viernes vlast vlat vut wast
wat wed wednesday weekend west wesz wet wez wft wgst wgt wib wit wst wt yakst yakt yapt yekst
yekt z ª º à
`,
};

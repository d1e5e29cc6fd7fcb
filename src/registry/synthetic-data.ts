/**
 * Data for the synthetic voter registry (generate.ts): counties with approximate
 * populations and residential ZIPs, and given names and surnames of many origins.
 * Data only — no logic. Nothing here is a real person; the combinations are random.
 */
import type { Language } from '../persisted.ts';

export interface SyntheticCounty {
  /** The profile's county code: CA 01–58 (state code), CO 01–64 (alphabetical order of names). */
  readonly code: string;
  readonly fips: string;
  readonly name: string;
  /** Approximate population (2020 census, rounded); used only as a sampling weight. */
  readonly population: number;
  /**
   * Real residential ZIPs of the county, space-separated. Where a tiny county has fewer
   * than three ZIPs of its own, the list is completed with a ZIP of a neighbouring town
   * whose delivery area reaches into the county.
   */
  readonly zips: string;
}

/** California's 58 counties. Populations approximate (2020 census). */
export const CA_COUNTIES: readonly SyntheticCounty[] = [
  { code: '01', fips: '06001', name: 'Alameda', population: 1_682_000, zips: '94501 94536 94538 94539 94541 94542 94544 94545 94546 94550 94551 94552 94555 94560 94566 94568 94577 94578 94579 94580 94586 94587 94588 94601 94602 94603 94605 94606 94607 94608 94609 94610 94611 94612 94618 94619 94621 94702 94703 94704 94705 94706 94707 94708 94709 94710' },
  { code: '02', fips: '06003', name: 'Alpine', population: 1_200, zips: '96120 95646 95223' },
  { code: '03', fips: '06005', name: 'Amador', population: 40_500, zips: '95642 95640 95685 95669 95665 95629 95601 95689 95666' },
  { code: '04', fips: '06007', name: 'Butte', population: 211_600, zips: '95926 95928 95973 95965 95966 95969 95948 95954 95938 95916' },
  { code: '05', fips: '06009', name: 'Calaveras', population: 45_300, zips: '95249 95252 95247 95222 95223 95228 95246 95255' },
  { code: '06', fips: '06011', name: 'Colusa', population: 21_800, zips: '95932 95987 95912 95950 95955 95970' },
  { code: '07', fips: '06013', name: 'Contra Costa', population: 1_166_000, zips: '94509 94531 94513 94514 94517 94518 94519 94520 94521 94523 94526 94530 94547 94549 94553 94556 94561 94563 94564 94565 94582 94583 94595 94596 94597 94598 94801 94803 94804 94805 94806' },
  { code: '08', fips: '06015', name: 'Del Norte', population: 27_700, zips: '95531 95543 95548 95567 95538' },
  { code: '09', fips: '06017', name: 'El Dorado', population: 191_200, zips: '95667 95762 95682 96150 95619 95623 95709 95726 95672 95614 95633 95651 95684' },
  { code: '10', fips: '06019', name: 'Fresno', population: 1_009_000, zips: '93701 93702 93703 93704 93705 93706 93710 93711 93720 93721 93722 93723 93725 93726 93727 93728 93730 93611 93612 93619 93630 93631 93648 93654 93657 93662 93625 93640 93660 93656 93210 93234 93616 93622' },
  { code: '11', fips: '06021', name: 'Glenn', population: 28_900, zips: '95963 95988 95951 95943 95913' },
  { code: '12', fips: '06023', name: 'Humboldt', population: 136_500, zips: '95501 95503 95521 95519 95540 95524 95551 95560 95542 95570 95546 95549 95565 95562' },
  { code: '13', fips: '06025', name: 'Imperial', population: 179_700, zips: '92243 92231 92227 92251 92250 92233 92249 92257 92273 92283' },
  { code: '14', fips: '06027', name: 'Inyo', population: 19_000, zips: '93514 93545 93526 93513 93549 92328 92384 92389' },
  { code: '15', fips: '06029', name: 'Kern', population: 909_200, zips: '93301 93304 93305 93306 93307 93308 93309 93311 93312 93313 93314 93215 93263 93280 93241 93203 93250 93268 93555 93561 93501 93505 93240 93285 93206' },
  { code: '16', fips: '06031', name: 'Kings', population: 152_500, zips: '93230 93245 93212 93204 93202 93239 93266' },
  { code: '17', fips: '06033', name: 'Lake', population: 68_200, zips: '95453 95422 95451 95457 95467 95485 95458 95461 95464 95423' },
  { code: '18', fips: '06035', name: 'Lassen', population: 32_700, zips: '96130 96114 96128 96113 96121 96056 96009 96117' },
  { code: '19', fips: '06037', name: 'Los Angeles', population: 10_014_000, zips: '90001 90002 90003 90004 90005 90006 90007 90008 90010 90011 90012 90013 90014 90015 90016 90017 90018 90019 90020 90021 90022 90023 90024 90025 90026 90027 90028 90029 90031 90032 90033 90034 90035 90036 90037 90038 90039 90041 90042 90043 90044 90045 90046 90047 90048 90049 90056 90057 90058 90059 90061 90062 90063 90064 90065 90066 90067 90068 90069 90071 90077 90201 90210 90211 90212 90220 90221 90230 90232 90240 90241 90242 90245 90247 90248 90249 90250 90254 90255 90260 90262 90266 90270 90272 90274 90275 90277 90278 90280 90290 90291 90292 90293 90301 90302 90303 90304 90305 90401 90402 90403 90404 90405 90501 90502 90503 90504 90505 90601 90602 90603 90604 90605 90606 90638 90640 90650 90660 90670 90701 90703 90704 90706 90710 90712 90713 90715 90716 90717 90723 90731 90732 90744 90745 90746 90802 90803 90804 90805 90806 90807 90808 90810 90813 90814 90815 91001 91006 91007 91010 91011 91016 91024 91030 91040 91042 91101 91103 91104 91105 91106 91107 91108 91201 91202 91203 91204 91205 91206 91207 91208 91214 91301 91302 91303 91304 91306 91307 91311 91316 91321 91324 91325 91326 91331 91335 91340 91342 91343 91344 91345 91350 91351 91352 91354 91355 91356 91364 91367 91381 91387 91401 91402 91403 91405 91406 91411 91423 91436 91501 91502 91504 91505 91506 91601 91602 91604 91605 91606 91607 91702 91706 91711 91722 91723 91724 91731 91732 91733 91740 91741 91744 91745 91746 91748 91750 91754 91755 91765 91766 91767 91768 91770 91773 91775 91776 91780 91789 91790 91791 91792 91801 91803 93510 93532 93534 93535 93536 93543 93544 93550 93551 93552' },
  { code: '20', fips: '06039', name: 'Madera', population: 156_300, zips: '93636 93637 93638 93614 93644 93601 93604 93610 93643 93645 93653 93669' },
  { code: '21', fips: '06041', name: 'Marin', population: 262_300, zips: '94901 94903 94904 94920 94924 94925 94930 94937 94938 94939 94941 94945 94946 94947 94949 94956 94960 94965 94970 94973' },
  { code: '22', fips: '06043', name: 'Mariposa', population: 17_100, zips: '95338 95345 95306 95311 95318 95325 95389 93623' },
  { code: '23', fips: '06045', name: 'Mendocino', population: 91_600, zips: '95482 95437 95490 95470 95449 95460 95445 95454 95468 95466 95415 95469 95459 95456 95481 95488 95420 95427 95410 95432 95417 95585 95587' },
  { code: '24', fips: '06047', name: 'Merced', population: 281_200, zips: '95340 95341 95348 95301 95388 95334 95315 95324 95322 93635 93620 95365 95333 95374 95303 95317 95369 95312' },
  { code: '25', fips: '06049', name: 'Modoc', population: 8_700, zips: '96101 96104 96112 96115 96116 96108 96006 96054 96015 96110' },
  { code: '26', fips: '06051', name: 'Mono', population: 13_200, zips: '93546 93517 93529 93541 96107 96133 93512' },
  { code: '27', fips: '06053', name: 'Monterey', population: 439_000, zips: '93901 93905 93906 93907 93908 93940 93950 93953 93921 93923 93924 93930 93933 93955 93960 93927 93926 95012 95039 93920 93925 93450 93932 93928 93954 95004' },
  { code: '28', fips: '06055', name: 'Napa', population: 138_000, zips: '94558 94559 94503 94574 94515 94599 94508 94567 94573 94576 94562' },
  { code: '29', fips: '06057', name: 'Nevada', population: 102_200, zips: '95945 95949 95959 95946 95975 96161 95712 95924 95960 95986 95724 95728' },
  { code: '30', fips: '06059', name: 'Orange', population: 3_187_000, zips: '92602 92603 92604 92606 92612 92614 92618 92620 92625 92626 92627 92629 92630 92646 92647 92648 92649 92651 92653 92655 92656 92657 92660 92661 92663 92672 92673 92675 92677 92679 92683 92688 92691 92692 92694 92701 92703 92704 92705 92706 92707 92708 92780 92782 92801 92802 92804 92805 92806 92807 92808 92821 92823 92831 92832 92833 92835 92840 92841 92843 92844 92845 92861 92865 92866 92867 92868 92869 92870 92886 92887 90620 90621 90623 90630 90631 90680 90720 90740 90742' },
  { code: '31', fips: '06061', name: 'Placer', population: 404_700, zips: '95602 95603 95648 95650 95661 95677 95678 95747 95765 95663 95658 95703 95713 95722 95746 95631 95714 95715 95736 96140 96141 96143 96145 96146 96148 95681' },
  { code: '32', fips: '06063', name: 'Plumas', population: 19_800, zips: '95971 96122 96020 95947 95956 95983 96103 96106 96135 95915 95934 95980' },
  { code: '33', fips: '06065', name: 'Riverside', population: 2_418_000, zips: '92501 92503 92504 92505 92506 92507 92508 92509 92518 92530 92532 92536 92539 92543 92544 92545 92548 92549 92551 92553 92555 92557 92562 92563 92567 92570 92571 92582 92583 92584 92585 92586 92587 92590 92591 92592 92595 92596 92201 92203 92210 92211 92220 92223 92225 92230 92234 92236 92240 92241 92253 92254 92260 92262 92264 92270 92274 92276 92860 92879 92880 92881 92882 92883 91752' },
  { code: '34', fips: '06067', name: 'Sacramento', population: 1_585_000, zips: '95608 95610 95621 95624 95626 95628 95630 95632 95638 95655 95660 95662 95670 95673 95683 95690 95693 95742 95757 95758 95811 95814 95815 95816 95817 95818 95819 95820 95821 95822 95823 95824 95825 95826 95827 95828 95829 95830 95831 95832 95833 95834 95835 95838 95841 95842 95843 95864' },
  { code: '35', fips: '06069', name: 'San Benito', population: 64_200, zips: '95023 95045 95043 95075' },
  { code: '36', fips: '06071', name: 'San Bernardino', population: 2_182_000, zips: '92301 92307 92308 92311 92313 92314 92315 92316 92324 92335 92336 92337 92344 92345 92346 92352 92354 92356 92359 92371 92373 92374 92376 92377 92392 92394 92395 92397 92399 92401 92404 92405 92407 92408 92410 92411 92252 92277 92284 92363 91701 91730 91737 91739 91708 91709 91710 91761 91762 91764 91763 91784 91786' },
  { code: '37', fips: '06073', name: 'San Diego', population: 3_299_000, zips: '91901 91902 91910 91911 91913 91914 91915 91932 91935 91941 91942 91945 91950 91977 91978 92003 92007 92008 92009 92010 92011 92014 92019 92020 92021 92024 92025 92026 92027 92028 92029 92036 92037 92040 92054 92056 92057 92058 92064 92065 92069 92071 92075 92078 92081 92083 92084 92086 92101 92102 92103 92104 92105 92106 92107 92108 92109 92110 92111 92113 92114 92115 92116 92117 92118 92119 92120 92121 92122 92123 92124 92126 92127 92128 92129 92130 92131 92139 92154 92173' },
  { code: '38', fips: '06075', name: 'San Francisco', population: 874_000, zips: '94102 94103 94104 94105 94107 94108 94109 94110 94111 94112 94114 94115 94116 94117 94118 94121 94122 94123 94124 94127 94129 94130 94131 94132 94133 94134 94158' },
  { code: '39', fips: '06077', name: 'San Joaquin', population: 779_200, zips: '95202 95203 95204 95205 95206 95207 95209 95210 95212 95215 95219 95240 95242 95336 95337 95330 95366 95376 95377 95391 95220 95227 95236 95258 95231 95320' },
  { code: '40', fips: '06079', name: 'San Luis Obispo', population: 282_400, zips: '93401 93405 93402 93420 93422 93424 93428 93430 93433 93442 93444 93446 93449 93451 93452 93453 93465' },
  { code: '41', fips: '06081', name: 'San Mateo', population: 764_400, zips: '94002 94005 94010 94014 94015 94019 94025 94027 94028 94030 94037 94038 94044 94060 94061 94062 94063 94065 94066 94070 94074 94080 94303 94401 94402 94403 94404' },
  { code: '42', fips: '06083', name: 'Santa Barbara', population: 448_200, zips: '93101 93103 93105 93108 93109 93110 93111 93117 93013 93427 93436 93437 93454 93455 93458 93460 93463 93441 93434 93440 93254' },
  { code: '43', fips: '06085', name: 'Santa Clara', population: 1_936_000, zips: '95002 95008 95014 95020 95030 95032 95035 95037 95046 95050 95051 95054 95070 95110 95111 95112 95116 95117 95118 95119 95120 95121 95122 95123 95124 95125 95126 95127 95128 95129 95130 95131 95132 95133 95134 95135 95136 95138 95139 95148 94022 94024 94040 94041 94043 94085 94086 94087 94089 94301 94304 94306' },
  { code: '44', fips: '06087', name: 'Santa Cruz', population: 270_900, zips: '95003 95005 95006 95010 95017 95018 95019 95041 95060 95062 95065 95066 95073 95076' },
  { code: '45', fips: '06089', name: 'Shasta', population: 182_200, zips: '96001 96002 96003 96007 96019 96022 96073 96088 96013 96065 96011 96051' },
  { code: '46', fips: '06091', name: 'Sierra', population: 3_200, zips: '96118 96126 96125 95936 96124 95910 95944' },
  { code: '47', fips: '06093', name: 'Siskiyou', population: 44_100, zips: '96097 96067 96094 96025 96064 96134 96032 96027 96038 96044 96057 96086 96039' },
  { code: '48', fips: '06095', name: 'Solano', population: 453_500, zips: '94510 94533 94534 94535 94571 94585 94589 94590 94591 95620 95687 95688' },
  { code: '49', fips: '06097', name: 'Sonoma', population: 488_900, zips: '94922 94923 94928 94931 94951 94952 94954 95401 95403 95404 95405 95407 95409 95425 95436 95439 95441 95442 95444 95446 95448 95452 95462 95465 95472 95476 95492' },
  { code: '50', fips: '06099', name: 'Stanislaus', population: 552_900, zips: '95350 95351 95354 95355 95356 95357 95358 95380 95382 95307 95326 95328 95360 95361 95363 95367 95368 95386 95313 95316 95323' },
  { code: '51', fips: '06101', name: 'Sutter', population: 99_600, zips: '95991 95993 95953 95982 95659 95668 95957 95674 95676' },
  { code: '52', fips: '06103', name: 'Tehama', population: 65_800, zips: '96080 96021 96055 96059 96061 96035 96029 96074 96075 96092 96063' },
  { code: '53', fips: '06105', name: 'Trinity', population: 16_100, zips: '96093 96041 96091 96052 96048 96046 96010 96024 95563 95552 95595 95527' },
  { code: '54', fips: '06107', name: 'Tulare', population: 473_100, zips: '93291 93292 93277 93274 93275 93257 93258 93221 93247 93618 93286 93235 93219 93256 93272 93265 93271 93647 93615 93670 93666 93207 93218 93261 93223' },
  { code: '55', fips: '06109', name: 'Tuolumne', population: 55_600, zips: '95370 95327 95383 95321 95379 95346 95364 95335 95310 95372 95305 95309 95375' },
  { code: '56', fips: '06111', name: 'Ventura', population: 843_800, zips: '93001 93003 93004 93010 93012 93015 93021 93022 93023 93030 93033 93035 93036 93040 93041 93060 93063 93065 93066 91320 91360 91361 91362 91377' },
  { code: '57', fips: '06113', name: 'Yolo', population: 216_400, zips: '95616 95618 95691 95695 95776 95645 95627 95937 95606 95607 95612 95653 95679 95694 95697 95698' },
  { code: '58', fips: '06115', name: 'Yuba', population: 81_600, zips: '95901 95903 95961 95692 95918 95919 95922 95925 95935 95962 95972 95977' },
];

/** Colorado's 64 counties, numbered in alphabetical order of their names. Populations approximate (2020 census). */
export const CO_COUNTIES: readonly SyntheticCounty[] = [
  { code: '01', fips: '08001', name: 'Adams', population: 519_600, zips: '80601 80602 80603 80022 80640 80221 80229 80233 80234 80241 80260 80030 80031 80102 80136 80137 80019 80024' },
  { code: '02', fips: '08003', name: 'Alamosa', population: 16_400, zips: '81101 81102 81136 81146' },
  { code: '03', fips: '08005', name: 'Arapahoe', population: 655_100, zips: '80010 80011 80012 80013 80014 80015 80016 80017 80018 80110 80111 80112 80113 80120 80121 80122 80123 80103 80105' },
  { code: '04', fips: '08007', name: 'Archuleta', population: 13_400, zips: '81147 81157 81121 81128' },
  { code: '05', fips: '08009', name: 'Baca', population: 3_500, zips: '81073 81090 81064 81084 81029 81087' },
  { code: '06', fips: '08011', name: 'Bent', population: 5_700, zips: '81054 81044 81057' },
  { code: '07', fips: '08013', name: 'Boulder', population: 330_800, zips: '80301 80302 80303 80304 80305 80501 80503 80504 80026 80027 80466 80455 80481 80540 80025 80510' },
  { code: '08', fips: '08014', name: 'Broomfield', population: 74_100, zips: '80020 80021 80023' },
  { code: '09', fips: '08015', name: 'Chaffee', population: 19_500, zips: '81201 81211 81236 81227 81228' },
  { code: '10', fips: '08017', name: 'Cheyenne', population: 1_700, zips: '80810 80825 80862 80802' },
  { code: '11', fips: '08019', name: 'Clear Creek', population: 9_400, zips: '80452 80444 80438 80476 80436' },
  { code: '12', fips: '08021', name: 'Conejos', population: 7_500, zips: '81120 81140 81151 81129 81141 81148 81124' },
  { code: '13', fips: '08023', name: 'Costilla', population: 3_500, zips: '81133 81152 81134 81126 81138' },
  { code: '14', fips: '08025', name: 'Crowley', population: 5_900, zips: '81063 81062 81076 81033' },
  { code: '15', fips: '08027', name: 'Custer', population: 4_700, zips: '81252 81253 81069' },
  { code: '16', fips: '08029', name: 'Delta', population: 31_200, zips: '81416 81413 81415 81418 81419 81428 81410' },
  { code: '17', fips: '08031', name: 'Denver', population: 715_500, zips: '80202 80203 80204 80205 80206 80207 80209 80210 80211 80212 80216 80218 80219 80220 80222 80223 80224 80227 80230 80231 80235 80236 80237 80238 80239 80246 80247 80249' },
  { code: '18', fips: '08033', name: 'Dolores', population: 2_300, zips: '81324 81332 81325' },
  { code: '19', fips: '08035', name: 'Douglas', population: 358_000, zips: '80104 80108 80109 80116 80118 80124 80125 80126 80129 80130 80134 80135 80138' },
  { code: '20', fips: '08037', name: 'Eagle', population: 55_700, zips: '81620 81631 81632 81637 81657 81645 81649 81655' },
  { code: '21', fips: '08041', name: 'El Paso', population: 730_400, zips: '80903 80904 80905 80906 80907 80908 80909 80910 80911 80913 80915 80916 80917 80918 80919 80920 80921 80922 80923 80924 80925 80927 80928 80929 80930 80938 80939 80951 80817 80829 80831 80132 80133 80808 80809 80840' },
  { code: '22', fips: '08039', name: 'Elbert', population: 26_100, zips: '80107 80117 80101 80830 80835 80106' },
  { code: '23', fips: '08043', name: 'Fremont', population: 48_900, zips: '81212 81226 81240 81233 81244 81221 81223 81232' },
  { code: '24', fips: '08045', name: 'Garfield', population: 61_700, zips: '81601 81623 81647 81652 81650 81635 81636' },
  { code: '25', fips: '08047', name: 'Gilpin', population: 5_800, zips: '80422 80427 80474 80403' },
  { code: '26', fips: '08049', name: 'Grand', population: 15_700, zips: '80446 80447 80451 80459 80468 80478 80482 80442' },
  { code: '27', fips: '08051', name: 'Gunnison', population: 16_900, zips: '81230 81224 81225 81210 81237 81239 81241 81243 81434' },
  { code: '28', fips: '08053', name: 'Hinsdale', population: 800, zips: '81235 81130 81243' },
  { code: '29', fips: '08055', name: 'Huerfano', population: 6_800, zips: '81089 81055 81040' },
  { code: '30', fips: '08057', name: 'Jackson', population: 1_400, zips: '80480 80430 80434 80473' },
  { code: '31', fips: '08059', name: 'Jefferson', population: 582_900, zips: '80401 80403 80002 80003 80004 80005 80007 80033 80214 80215 80226 80227 80228 80232 80127 80128 80433 80439 80453 80454 80457 80465 80470' },
  { code: '32', fips: '08061', name: 'Kiowa', population: 1_400, zips: '81036 81071 81045' },
  { code: '33', fips: '08063', name: 'Kit Carson', population: 7_100, zips: '80807 80836 80861 80834 80805 80815' },
  { code: '34', fips: '08067', name: 'La Plata', population: 55_600, zips: '81301 81303 81122 81137 81326' },
  { code: '35', fips: '08065', name: 'Lake', population: 7_400, zips: '80461 81251 80429' },
  { code: '36', fips: '08069', name: 'Larimer', population: 359_100, zips: '80521 80524 80525 80526 80528 80537 80538 80513 80517 80535 80536 80545 80547 80549 80512 80532' },
  { code: '37', fips: '08071', name: 'Las Animas', population: 14_600, zips: '81082 81081 81091 81020 81024 81059 81049 81046' },
  { code: '38', fips: '08073', name: 'Lincoln', population: 5_700, zips: '80821 80828 80804 80818 80823' },
  { code: '39', fips: '08075', name: 'Logan', population: 21_500, zips: '80751 80728 80736 80741 80745 80747 80726' },
  { code: '40', fips: '08077', name: 'Mesa', population: 155_700, zips: '81501 81503 81504 81505 81506 81507 81520 81521 81524 81526 81527 81624 81643 81630 81646' },
  { code: '41', fips: '08079', name: 'Mineral', population: 900, zips: '81130 81154 81132' },
  { code: '42', fips: '08081', name: 'Moffat', population: 13_300, zips: '81625 81640 81610 81653' },
  { code: '43', fips: '08083', name: 'Montezuma', population: 25_800, zips: '81321 81323 81328 81327 81334 81335' },
  { code: '44', fips: '08085', name: 'Montrose', population: 42_700, zips: '81401 81403 81425 81422 81424 81411 81431 81429' },
  { code: '45', fips: '08087', name: 'Morgan', population: 29_100, zips: '80701 80723 80653 80654 80733 80705 80649' },
  { code: '46', fips: '08089', name: 'Otero', population: 18_700, zips: '81050 81067 81058 81039 81077 81030' },
  { code: '47', fips: '08091', name: 'Ouray', population: 4_900, zips: '81427 81432 81403' },
  { code: '48', fips: '08093', name: 'Park', population: 17_400, zips: '80421 80440 80456 80449 80448 80432 80475 80827 80820 80420' },
  { code: '49', fips: '08095', name: 'Phillips', population: 4_500, zips: '80734 80731 80746 80721' },
  { code: '50', fips: '08097', name: 'Pitkin', population: 17_400, zips: '81611 81612 81615 81654 81656 81642 81621' },
  { code: '51', fips: '08099', name: 'Prowers', population: 12_000, zips: '81052 81092 81047 81041 81043' },
  { code: '52', fips: '08101', name: 'Pueblo', population: 168_200, zips: '81001 81003 81004 81005 81006 81007 81008 81019 81022 81023 81025 81069' },
  { code: '53', fips: '08103', name: 'Rio Blanco', population: 6_500, zips: '81641 81648 81650' },
  { code: '54', fips: '08105', name: 'Rio Grande', population: 11_500, zips: '81144 81132 81154 81135' },
  { code: '55', fips: '08107', name: 'Routt', population: 24_800, zips: '80487 80477 80467 80469 80479 80483 81639 80428' },
  { code: '56', fips: '08109', name: 'Saguache', population: 6_400, zips: '81149 81131 81143 81125 81155 81248' },
  { code: '57', fips: '08111', name: 'San Juan', population: 700, zips: '81433 81427 81301' },
  { code: '58', fips: '08113', name: 'San Miguel', population: 8_100, zips: '81435 81430 81426 81423 81325' },
  { code: '59', fips: '08115', name: 'Sedgwick', population: 2_400, zips: '80737 80744 80749' },
  { code: '60', fips: '08117', name: 'Summit', population: 31_100, zips: '80424 80435 80443 80498' },
  { code: '61', fips: '08119', name: 'Teller', population: 24_700, zips: '80863 80813 80814 80860 80816' },
  { code: '62', fips: '08121', name: 'Washington', population: 4_800, zips: '80720 80743 80801 80740 80812' },
  { code: '63', fips: '08123', name: 'Weld', population: 329_000, zips: '80631 80634 80639 80620 80550 80543 80534 80651 80621 80516 80514 80530 80645 80644 80610 80615 80642 80643 80742 80729 80648 80622 80623 80624 80650 80611' },
  { code: '64', fips: '08125', name: 'Yuma', population: 10_000, zips: '80758 80759 80735 80727 80755 80822 80824' },
];

/** Telephone area codes of each state; numbers are the fictional 555-0100..0199 range. */
export const AREA_CODES = {
  ca: ['209', '213', '279', '310', '323', '341', '408', '415', '424', '442', '510', '530', '559', '562', '619', '626', '628', '650', '657', '661', '669', '707', '714', '747', '760', '805', '818', '820', '831', '840', '858', '909', '916', '925', '949', '951'],
  co: ['303', '719', '720', '970', '983'],
} as const;

/** Reserved example domains (RFC 2606): mail to them never reaches anyone. */
export const EMAIL_DOMAINS: readonly string[] = ['example.com', 'example.com', 'example.net', 'example.org'];

/**
 * One origin of names. Lists run from most to least common; the generator weights them
 * by rank. Shares are probabilities per voter of that origin.
 */
export interface NameOrigin {
  readonly id: string;
  readonly maleFirst: readonly string[];
  readonly femaleFirst: readonly string[];
  readonly surnames: readonly string[];
  /** Rank offset of the surname weights 1/(rank + offset): small = a few surnames dominate (Nguyễn, Kim). Default 8. */
  readonly surnameOffset?: number;
  /** Middle names; default: the first names of the same gender. */
  readonly middleMale?: readonly string[];
  readonly middleFemale?: readonly string[];
  readonly middleShare: number;
  /** Share of middle names written as an initial only ("J"). */
  readonly middleInitialShare?: number;
  /** Share of voters with an English given name (Kevin Wong, Karen Tanaka). */
  readonly englishFirstShare?: number;
  /** Share of men with a generational suffix. */
  readonly suffixShare?: number;
  /** Share with two surnames separated by a space (García López). */
  readonly doubleSurnameShare?: number;
  /** Share with two surnames joined by a hyphen (Smith-Jones). */
  readonly hyphenSurnameShare?: number;
  /** Share of records whose names were keyed without diacritics (Nguyen for Nguyễn). */
  readonly asciiShare?: number;
  /** Preferred language shares; the rest have none on record. */
  readonly languages: readonly (readonly [Language, number])[];
}

const ANGLO: NameOrigin = {
  id: 'anglo',
  maleFirst: ['James', 'Michael', 'Robert', 'John', 'David', 'William', 'Richard', 'Joseph', 'Thomas', 'Christopher', 'Charles', 'Daniel', 'Matthew', 'Anthony', 'Mark', 'Steven', 'Paul', 'Andrew', 'Joshua', 'Kenneth', 'Kevin', 'Brian', 'George', 'Timothy', 'Ryan', 'Jacob', 'Gary', 'Nicholas', 'Eric', 'Jonathan', 'Stephen', 'Larry', 'Justin', 'Scott', 'Brandon', 'Benjamin', 'Samuel', 'Gregory', 'Alexander', 'Patrick', 'Frank', 'Raymond', 'Jack', 'Dennis', 'Jerry', 'Tyler', 'Aaron', 'Henry', 'Douglas', 'Peter', 'Adam', 'Nathan', 'Zachary', 'Walter', 'Kyle', 'Harold', 'Carl', 'Jeremy', 'Keith', 'Roger', 'Gerald', 'Ethan', 'Arthur', 'Terry', 'Christian', 'Sean', 'Lawrence', 'Austin', 'Noah', 'Jesse', 'Albert', 'Bryan', 'Bruce', 'Willie', 'Jordan', 'Dylan', 'Alan', 'Ralph', 'Gabriel', 'Roy', 'Eugene', 'Wayne', 'Logan', 'Liam', 'Mason', 'Elijah', 'Oliver', 'Lucas', 'Connor', 'Brendan', 'Declan', 'Seamus', 'DeShawn', 'Jamal', 'Darnell', 'Tyrone', 'Malik', 'Jalen', "D'Andre", "De'Shawn", 'Jean-Luc', 'André', 'Noël', 'René'],
  femaleFirst: ['Mary', 'Patricia', 'Jennifer', 'Linda', 'Elizabeth', 'Barbara', 'Susan', 'Jessica', 'Sarah', 'Karen', 'Lisa', 'Nancy', 'Betty', 'Sandra', 'Margaret', 'Ashley', 'Kimberly', 'Emily', 'Donna', 'Michelle', 'Carol', 'Amanda', 'Melissa', 'Deborah', 'Stephanie', 'Dorothy', 'Rebecca', 'Sharon', 'Laura', 'Cynthia', 'Amy', 'Kathleen', 'Angela', 'Shirley', 'Brenda', 'Emma', 'Anna', 'Pamela', 'Nicole', 'Samantha', 'Katherine', 'Christine', 'Helen', 'Debra', 'Rachel', 'Carolyn', 'Janet', 'Catherine', 'Heather', 'Diane', 'Olivia', 'Julie', 'Joyce', 'Victoria', 'Ruth', 'Virginia', 'Lauren', 'Kelly', 'Christina', 'Joan', 'Evelyn', 'Judith', 'Hannah', 'Megan', 'Cheryl', 'Jacqueline', 'Martha', 'Madison', 'Gloria', 'Sara', 'Janice', 'Ann', 'Kathryn', 'Abigail', 'Sophia', 'Frances', 'Jean', 'Alice', 'Judy', 'Isabella', 'Julia', 'Grace', 'Amber', 'Denise', 'Danielle', 'Marilyn', 'Beverly', 'Charlotte', 'Natalie', 'Theresa', 'Diana', 'Brittany', 'Kayla', 'Alexis', 'Ava', 'Chloe', 'Siobhan', 'Bridget', 'Colleen', 'Latoya', 'Keisha', 'Imani', 'Aaliyah', "Ja'Nae", 'Mary-Kate', 'Anne-Marie', 'Zoë', 'Renée', 'Chloé'],
  middleMale: ['James', 'Michael', 'Lee', 'Allen', 'Edward', 'Joseph', 'Robert', 'Wayne', 'Thomas', 'David', 'Alan', 'John', 'William', 'Ray', 'Scott', 'Paul', 'Anthony', 'Dean', 'Patrick', 'Christopher', 'Andrew', 'Eugene', 'Francis', 'Henry'],
  middleFemale: ['Marie', 'Ann', 'Lynn', 'Elizabeth', 'Louise', 'Jean', 'Rose', 'Michelle', 'Nicole', 'Renee', 'Kay', 'Grace', 'Mae', 'Jane', 'Anne', 'Elaine', 'Dawn', 'Sue', 'Rae', 'Frances', 'Catherine', 'Jo', 'Marie-Claire'],
  surnames: ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor', 'Thomas', 'Moore', 'Jackson', 'Martin', 'Lee', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Hill', 'Green', 'Adams', 'Baker', 'Nelson', 'Carter', 'Mitchell', 'Roberts', 'Campbell', 'Evans', 'Turner', 'Parker', 'Collins', 'Edwards', 'Stewart', 'Morris', 'Murphy', 'Cook', 'Rogers', 'Morgan', 'Cooper', 'Peterson', 'Bailey', 'Reed', 'Kelly', 'Howard', 'Cox', 'Ward', 'Richardson', 'Wood', 'Watson', 'Brooks', 'Bennett', 'Gray', 'James', 'Hughes', 'Price', 'Sanders', 'Myers', 'Long', 'Ross', 'Foster', 'Powell', 'Jenkins', 'Perry', 'Russell', 'Sullivan', 'Bell', 'Coleman', 'Butler', 'Henderson', 'Barnes', 'Fisher', 'Graham', 'Hayes', 'Wallace', 'Griffin', 'West', 'Cole', 'Hamilton', 'Ellis', 'Ford', 'Marshall', 'Owens', 'Harrison', 'Gibson', 'Kennedy', 'Wells', 'Olson', 'Larson', 'Hansen', 'Nielsen', 'Johansson', 'Schmidt', 'Schneider', 'Müller', 'Becker', 'Fischer', 'Weber', 'Wagner', 'Hoffmann', 'Klein', 'Novak', 'Kowalski', 'Nowak', 'Horváth', 'Russo', 'Romano', 'Esposito', 'Rossi', 'Bianchi', 'Ricci', 'Costa', 'Ferreira', 'Silva', 'Oliveira', 'Dubois', 'LeBlanc', 'Lefèvre', 'Moreau', 'Ivanov', 'Petrov', 'Kuznetsov', 'Shevchenko', 'Kovalenko', "O'Brien", "O'Connor", "O'Neill", "O'Sullivan", "O'Donnell", 'McDonald', 'McCarthy', 'MacLeod', 'McKenzie', 'MacDonald', 'McIntyre', 'Smith-Jones', 'Taylor-Wright', 'St. John', 'St. Clair', 'Van der Berg', 'Van Buren', 'von Stein', "D'Angelo", 'DiMaggio', 'DeLuca', 'Le Roux'],
  middleShare: 0.62,
  middleInitialShare: 0.08,
  suffixShare: 0.07,
  hyphenSurnameShare: 0.02,
  asciiShare: 0.3,
  languages: [['en', 0.3]],
};

const SPANISH: NameOrigin = {
  id: 'spanish',
  maleFirst: ['José', 'Juan', 'Luis', 'Carlos', 'Jesús', 'Miguel', 'Jorge', 'Francisco', 'Antonio', 'Manuel', 'Alejandro', 'Javier', 'Ricardo', 'Fernando', 'Eduardo', 'Roberto', 'Daniel', 'David', 'Mario', 'Sergio', 'Raúl', 'Rubén', 'Ramón', 'Héctor', 'Arturo', 'Óscar', 'Rafael', 'Pedro', 'Alberto', 'Víctor', 'Andrés', 'Martín', 'Joaquín', 'Adrián', 'Julio', 'Enrique', 'Gerardo', 'Armando', 'Alfredo', 'Guillermo', 'Gustavo', 'Salvador', 'Ignacio', 'Ángel', 'Iván', 'Mateo', 'Santiago', 'Diego', 'Emiliano', 'Sebastián', 'Juan Carlos', 'José Luis', 'Juan Pablo', 'Luis Ángel', 'Efraín', 'Agustín', 'Germán', 'Nicolás', 'Tomás', 'Cristián', 'Moisés', 'Hernán', 'Elías'],
  femaleFirst: ['María', 'Guadalupe', 'Rosa', 'Ana', 'Carmen', 'Patricia', 'Verónica', 'Leticia', 'Sandra', 'Gabriela', 'Elizabeth', 'Alejandra', 'Adriana', 'Silvia', 'Martha', 'Yolanda', 'Teresa', 'Claudia', 'Margarita', 'Laura', 'Mónica', 'Lucía', 'Sofía', 'Valeria', 'Ximena', 'Camila', 'Isabella', 'Daniela', 'Andrea', 'Natalia', 'Fernanda', 'Paola', 'Itzel', 'Yesenia', 'Araceli', 'Marisol', 'Beatriz', 'Raquel', 'Inés', 'Irene', 'Noemí', 'Angélica', 'Estefanía', 'Dolores', 'Consuelo', 'Esperanza', 'Catalina', 'Graciela', 'María José', 'María Guadalupe', 'Ana María', 'María del Carmen', 'María Elena', 'Luz María', 'Rocío', 'Belén', 'Maribel', 'Dulce', 'Jimena'],
  surnames: ['García', 'Hernández', 'Martínez', 'López', 'González', 'Rodríguez', 'Pérez', 'Sánchez', 'Ramírez', 'Torres', 'Flores', 'Rivera', 'Gómez', 'Díaz', 'Cruz', 'Morales', 'Reyes', 'Gutiérrez', 'Ortiz', 'Ramos', 'Chávez', 'Mendoza', 'Ruiz', 'Álvarez', 'Castillo', 'Jiménez', 'Vásquez', 'Moreno', 'Romero', 'Herrera', 'Medina', 'Aguilar', 'Vargas', 'Guzmán', 'Castro', 'Juárez', 'Salazar', 'Rojas', 'Domínguez', 'Núñez', 'Peña', 'Delgado', 'Contreras', 'Estrada', 'Soto', 'Valdez', 'Sandoval', 'Ibarra', 'Cervantes', 'Orozco', 'Navarro', 'Fuentes', 'Campos', 'Zamora', 'Mejía', 'Acosta', 'Luna', 'Cortés', 'Rosales', 'Cárdenas', 'Espinoza', 'Figueroa', 'Velásquez', 'Magaña', 'Ochoa', 'Trujillo', 'Quintero', 'Barajas', 'Villaseñor', 'Muñoz', 'Ibáñez', 'Montoya', 'Padilla', 'Cisneros', 'Valenzuela', 'Arellano', 'Lozano', 'Beltrán', 'Carrillo', 'Serrano', 'Maldonado', 'Rentería', 'Zúñiga', 'de la Cruz', 'De León', 'de la Torre', 'del Río', 'de la Rosa', 'Santa María'],
  middleShare: 0.42,
  suffixShare: 0.03,
  doubleSurnameShare: 0.14,
  hyphenSurnameShare: 0.04,
  asciiShare: 0.3,
  languages: [['es', 0.22], ['en', 0.18]],
};

const CHINESE: NameOrigin = {
  id: 'chinese',
  maleFirst: ['Wei', 'Jun', 'Hao', 'Lei', 'Qiang', 'Jian', 'Ming', 'Yong', 'Tao', 'Peng', 'Xiaoming', 'Zhiwei', 'Jianguo', 'Yu', 'Chi-Wai', 'Ka-Wai', 'Siu Ming', 'Wing', 'Kwok', 'Hong', 'Bo', 'Chen', 'Zhen', 'Kai', 'Yi'],
  femaleFirst: ['Mei', 'Ling', 'Xiu Ying', 'Li', 'Fang', 'Yan', 'Hui', 'Jing', 'Xiaoli', 'Yun', 'Mei-Ling', 'Wai-Ling', 'Lai Fong', 'Xin', 'Ying', 'Qing', 'Lan', 'Jia', 'Yiting', 'Shu-Fen'],
  surnames: ['Wong', 'Chen', 'Zhang', 'Li', 'Wang', 'Liu', 'Lin', 'Huang', 'Chan', 'Lee', 'Yang', 'Wu', 'Zhou', 'Lam', 'Xu', 'Leung', 'Cheung', 'Ho', 'Ng', 'Zhao', 'Sun', 'Ma', 'Zhu', 'Hu', 'Guo', 'He', 'Gao', 'Tam', 'Yee', 'Chow', 'Lau', 'Fong', 'Tse', 'Chiu', 'Kwan', 'Louie', 'Jue', 'Quan', 'Eng', 'Tsai', 'Hsu', 'Chang', 'Cheng'],
  middleShare: 0.35,
  englishFirstShare: 0.45,
  suffixShare: 0.005,
  languages: [['zh-Hant', 0.18], ['en', 0.2]],
};

const VIETNAMESE: NameOrigin = {
  id: 'vietnamese',
  maleFirst: ['Minh', 'Tuấn', 'Dũng', 'Hùng', 'Quang', 'Thành', 'Hải', 'Long', 'Nam', 'Phúc', 'Khoa', 'Huy', 'Bảo', 'Đức', 'Trung', 'Vinh', 'Thắng', 'Sơn', 'Tâm', 'Hiếu'],
  femaleFirst: ['Linh', 'Thảo', 'Hương', 'Lan', 'Phương', 'Hạnh', 'Trang', 'Ngọc', 'Mai', 'Nhung', 'Hoa', 'Thủy', 'Vy', 'Quỳnh', 'Hằng', 'Diệp', 'Hà', 'Yến', 'Uyên', 'Tuyết'],
  middleMale: ['Văn', 'Đức', 'Minh', 'Quốc', 'Hữu', 'Thanh', 'Công', 'Xuân'],
  middleFemale: ['Thị', 'Ngọc', 'Thanh', 'Thu', 'Kim', 'Mỹ', 'Bích', 'Hồng'],
  surnames: ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Đinh', 'Trương', 'Lâm', 'Mai', 'Tô', 'Cao', 'Lương', 'Đoàn', 'Châu', 'Tạ'],
  surnameOffset: 1,
  middleShare: 0.6,
  englishFirstShare: 0.25,
  suffixShare: 0.005,
  asciiShare: 0.45,
  languages: [['vi', 0.25], ['en', 0.15]],
};

const KOREAN: NameOrigin = {
  id: 'korean',
  maleFirst: ['Ji-hoon', 'Min-jun', 'Hyun-woo', 'Jae-won', 'Sung-min', 'Young-ho', 'Dong-hyun', 'Seung-woo', 'Jun-ho', 'Tae-yang', 'Sang-woo', 'Min-ho', 'Joon-young', 'Kyung-soo', 'Jinwoo', 'Sungho'],
  femaleFirst: ['Seo-yeon', 'Ji-woo', 'Eun-ji', 'Soo-jin', 'Ha-eun', 'Min-ji', 'Ji-yeon', 'Hye-jin', 'Yoo-na', 'Seo-yun', 'Mi-kyung', 'Jung-hee', 'Su-bin', 'Ye-jin', 'Eunhee', 'Jiyoung'],
  surnames: ['Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Kang', 'Cho', 'Yoon', 'Jang', 'Lim', 'Han', 'Oh', 'Seo', 'Shin', 'Kwon', 'Hwang', 'Ahn', 'Song', 'Yoo', 'Hong', 'Jeon', 'Ko', 'Moon', 'Yang', 'Son', 'Bae', 'Baek'],
  surnameOffset: 1,
  middleShare: 0.3,
  englishFirstShare: 0.35,
  suffixShare: 0.005,
  languages: [['ko', 0.22], ['en', 0.15]],
};

const FILIPINO: NameOrigin = {
  id: 'filipino',
  maleFirst: ['Jose', 'Mark Anthony', 'John Paul', 'Rodel', 'Arnel', 'Ronaldo', 'Romeo', 'Rommel', 'Jericho', 'Noel', 'Reynaldo', 'Jun', 'Efren', 'Danilo', 'Ferdinand', 'Renato', 'Ariel', 'Jomar', 'Christian', 'Angelo', 'Carlo', 'Marvin', 'Raymond', 'Edwin', 'Michael'],
  femaleFirst: ['Maria', 'Ma. Cristina', 'Maricel', 'Marites', 'Rowena', 'Jocelyn', 'Lorna', 'Rosario', 'Evangeline', 'Imelda', 'Josefina', 'Analyn', 'Mary Grace', 'Jennylyn', 'Kristine', 'Rachelle', 'Liezl', 'Charmaine', 'Cherry', 'Glenda', 'Aileen', 'Rhea', 'Joy', 'Luzviminda', 'Ma. Theresa'],
  // Filipino middle names are the mother's maiden surname.
  middleMale: ['Santos', 'Reyes', 'Bautista', 'Ocampo', 'Mendoza', 'Villanueva', 'Ramos', 'Aquino', 'Castillo', 'Pascual', 'Soriano', 'Dizon', 'Mercado', 'Tolentino', 'Agustin', 'Salvador'],
  middleFemale: ['Santos', 'Reyes', 'Bautista', 'Ocampo', 'Mendoza', 'Villanueva', 'Ramos', 'Aquino', 'Castillo', 'Pascual', 'Soriano', 'Dizon', 'Mercado', 'Tolentino', 'Agustin', 'Salvador'],
  surnames: ['Santos', 'Reyes', 'Cruz', 'dela Cruz', 'Bautista', 'Ocampo', 'Garcia', 'Mendoza', 'Torres', 'Villanueva', 'Ramos', 'Aquino', 'Castillo', 'Flores', 'De Guzman', 'Manalo', 'Pascual', 'Soriano', 'Dizon', 'Macaraeg', 'Gonzales', 'Fernandez', 'Mercado', 'Navarro', 'Lopez', 'Agustin', 'Tolentino', 'Del Rosario', 'delos Santos', 'Dimaculangan', 'Magbanua', 'Panganiban', 'Malabanan', 'Lacson', 'Tan', 'Sy', 'Lim', 'Go'],
  middleShare: 0.65,
  englishFirstShare: 0.2,
  suffixShare: 0.08,
  languages: [['tl', 0.08], ['en', 0.25]],
};

const INDIAN: NameOrigin = {
  id: 'indian',
  maleFirst: ['Rahul', 'Amit', 'Sanjay', 'Vikram', 'Raj', 'Arjun', 'Rohan', 'Anil', 'Sunil', 'Ravi', 'Vijay', 'Suresh', 'Ramesh', 'Rajesh', 'Harpreet', 'Gurpreet', 'Manpreet', 'Jaspreet', 'Arun', 'Karthik', 'Aditya', 'Nikhil', 'Pranav', 'Siddharth', 'Deepak'],
  femaleFirst: ['Priya', 'Anjali', 'Deepa', 'Sunita', 'Neha', 'Kavya', 'Pooja', 'Anita', 'Kavita', 'Meera', 'Lakshmi', 'Divya', 'Shreya', 'Aishwarya', 'Sneha', 'Asha', 'Rekha', 'Nisha', 'Simran', 'Harleen', 'Navneet', 'Parminder', 'Ananya', 'Isha'],
  middleMale: ['Kumar', 'Singh', 'Prasad', 'Lal', 'Chandra', 'Mohan'],
  middleFemale: ['Kaur', 'Devi', 'Kumari', 'Rani', 'Lakshmi'],
  surnames: ['Patel', 'Singh', 'Shah', 'Kumar', 'Sharma', 'Gupta', 'Reddy', 'Rao', 'Iyer', 'Desai', 'Mehta', 'Joshi', 'Kaur', 'Chopra', 'Agarwal', 'Nair', 'Menon', 'Krishnan', 'Banerjee', 'Chatterjee', 'Mukherjee', 'Bhatt', 'Verma', 'Kapoor', 'Malhotra', 'Sandhu', 'Gill', 'Dhillon', 'Grewal', 'Sidhu', 'Pillai', 'Srinivasan', 'Subramanian', 'Naidu', 'Chaudhary', 'Trivedi', 'Pandey', 'Mishra'],
  surnameOffset: 3,
  middleShare: 0.3,
  englishFirstShare: 0.05,
  suffixShare: 0.005,
  languages: [['hi', 0.06], ['en', 0.25]],
};

const JAPANESE: NameOrigin = {
  id: 'japanese',
  maleFirst: ['Hiroshi', 'Kenji', 'Takeshi', 'Satoshi', 'Haruto', 'Kazuo', 'Masao', 'Yoshio', 'Takashi', 'Daisuke', 'Kenta', 'Ryo', 'Shinji', 'Akira', 'Minoru', 'Tadashi', 'Isamu', 'Noboru'],
  femaleFirst: ['Yuki', 'Akiko', 'Naomi', 'Yui', 'Emiko', 'Kaori', 'Keiko', 'Yoko', 'Michiko', 'Sachiko', 'Hana', 'Aiko', 'Mariko', 'Tomoko', 'Kazuko', 'Haruka', 'Sakura', 'Mayumi'],
  surnames: ['Tanaka', 'Sato', 'Suzuki', 'Takahashi', 'Watanabe', 'Ito', 'Yamamoto', 'Nakamura', 'Kobayashi', 'Yamada', 'Hayashi', 'Shimizu', 'Inoue', 'Kimura', 'Matsumoto', 'Okada', 'Fujimoto', 'Nishimura', 'Yamaguchi', 'Sasaki', 'Mori', 'Ikeda', 'Hashimoto', 'Ishikawa', 'Ogawa', 'Nakano', 'Okamoto', 'Murakami', 'Kondo', 'Endo', 'Aoki', 'Fujii', 'Goto', 'Takeda', 'Ueda', 'Miyamoto', 'Nakashima', 'Oshiro', 'Higa'],
  middleShare: 0.35,
  englishFirstShare: 0.55,
  suffixShare: 0.01,
  languages: [['ja', 0.08], ['en', 0.25]],
};

const KHMER: NameOrigin = {
  id: 'khmer',
  maleFirst: ['Sokha', 'Dara', 'Sophal', 'Rithy', 'Kosal', 'Vibol', 'Sambath', 'Virak', 'Bunthoeun', 'Chanthy', 'Piseth', 'Sovann', 'Vuthy', 'Samnang', 'Visal'],
  femaleFirst: ['Sophea', 'Vanna', 'Bopha', 'Chanthou', 'Sopheap', 'Srey Mom', 'Sreyleak', 'Channary', 'Kunthea', 'Rachana', 'Sokunthea', 'Davy', 'Sothea', 'Malis', 'Sreypov'],
  surnames: ['Sok', 'Chan', 'Chea', 'Keo', 'Lim', 'Meas', 'Mao', 'Nhem', 'Ouk', 'Prak', 'Pich', 'Sam', 'Seng', 'Touch', 'Yim', 'Heng', 'Long', 'Ly', 'Chhim', 'Khun', 'Sar', 'Sim', 'Hang', 'Kong', 'Oeur', 'Men', 'Nou', 'Mam', 'Chhay'],
  surnameOffset: 3,
  middleShare: 0.15,
  englishFirstShare: 0.2,
  languages: [['km', 0.25], ['en', 0.15]],
};

const THAI: NameOrigin = {
  id: 'thai',
  maleFirst: ['Somchai', 'Niran', 'Prasert', 'Nattapong', 'Wichai', 'Anan', 'Somsak', 'Kittisak', 'Thanakorn', 'Surachai', 'Chaiwat', 'Apichat'],
  femaleFirst: ['Suda', 'Malee', 'Kanya', 'Anong', 'Siriporn', 'Pranee', 'Nattaya', 'Kanokwan', 'Supaporn', 'Ratana', 'Wipawee', 'Pornthip'],
  surnames: ['Srisai', 'Saetang', 'Sukprasert', 'Chaiyaporn', 'Wongsawat', 'Thongchai', 'Rattanakorn', 'Srisuk', 'Boonmee', 'Charoenkul', 'Phromma', 'Saelee', 'Kaewkhao', 'Jaidee', 'Suwannarat', 'Somboon', 'Chantarasiri', 'Pongsakorn', 'Wattana', 'Tangsiri'],
  middleShare: 0.1,
  englishFirstShare: 0.15,
  languages: [['th', 0.2], ['en', 0.15]],
};

const ARMENIAN: NameOrigin = {
  id: 'armenian',
  maleFirst: ['Armen', 'Aram', 'Narek', 'Hayk', 'Tigran', 'Vartan', 'Gevorg', 'Hovhannes', 'Levon', 'Sarkis', 'Arman', 'Davit', 'Karen', 'Ara', 'Arsen'],
  femaleFirst: ['Ani', 'Anahit', 'Lusine', 'Gayane', 'Arpi', 'Nare', 'Lilit', 'Mariam', 'Siranush', 'Hasmik', 'Armine', 'Tatevik', 'Knarik', 'Nairi', 'Talin'],
  surnames: ['Petrosyan', 'Sargsyan', 'Hakobyan', 'Grigoryan', 'Harutyunyan', 'Khachatryan', 'Karapetyan', 'Avetisyan', 'Mkrtchyan', 'Hovhannisyan', 'Gasparyan', 'Der-Bedrosian', 'Kardashian', 'Bagdasarian', 'Manukyan', 'Ohanian', 'Boyajian', 'Kazarian', 'Terzian', 'Der Ohanessian', 'Garabedian', 'Deukmejian', 'Melikian', 'Arakelian', 'Simonian', 'Keshishian'],
  middleShare: 0.3,
  englishFirstShare: 0.1,
  suffixShare: 0.01,
  languages: [['en', 0.2]],
};

const ARABIC: NameOrigin = {
  id: 'arabic',
  maleFirst: ['Mohammed', 'Ahmed', 'Omar', 'Yousef', 'Khaled', 'Rami', 'Ali', 'Hassan', 'Tariq', 'Karim', 'Samir', 'Bilal', 'Hamza', 'Mahmoud', 'Nabil', 'Ziad'],
  femaleFirst: ['Fatima', 'Layla', 'Nour', 'Aisha', 'Mariam', 'Hana', 'Yasmin', 'Rania', 'Salma', 'Zeinab', 'Dina', 'Lina', 'Amal', 'Huda', 'Samira', 'Reem'],
  // The middle name is usually the father's given name.
  middleMale: ['Mohammed', 'Ahmed', 'Omar', 'Yousef', 'Khaled', 'Ali', 'Hassan', 'Mahmoud', 'Ibrahim', 'Abdullah'],
  middleFemale: ['Mohammed', 'Ahmed', 'Omar', 'Yousef', 'Khaled', 'Ali', 'Hassan', 'Mahmoud', 'Ibrahim', 'Abdullah'],
  surnames: ['Haddad', 'Khalil', 'Hassan', 'Ali', 'Mansour', 'Nasser', 'Saleh', 'Aziz', 'Rahman', 'Farah', 'Abdallah', 'Al-Sayed', 'El-Amin', 'Abu-Ghazaleh', 'Ibrahim', 'Youssef', 'Darwish', 'Khoury', 'Saad', 'Hamdan', 'Qureshi', 'Al-Masri', 'Bishara', 'Shaheen', 'Najjar', 'Awad', 'El-Khoury', 'Abdel-Rahman'],
  middleShare: 0.4,
  englishFirstShare: 0.1,
  languages: [['en', 0.2]],
};

const PERSIAN: NameOrigin = {
  id: 'persian',
  maleFirst: ['Dariush', 'Reza', 'Cyrus', 'Babak', 'Kourosh', 'Farhad', 'Behrooz', 'Arash', 'Mehdi', 'Amir', 'Kamran', 'Shahram', 'Navid', 'Payam'],
  femaleFirst: ['Shirin', 'Parisa', 'Leila', 'Nasrin', 'Mitra', 'Azadeh', 'Roya', 'Golnar', 'Shahla', 'Mina', 'Niloufar', 'Yasaman', 'Ladan', 'Soraya'],
  surnames: ['Rahimi', 'Hosseini', 'Mohammadi', 'Karimi', 'Tehrani', 'Ahmadi', 'Jafari', 'Moradi', 'Rostami', 'Sadeghi', 'Rezaei', 'Hashemi', 'Azizi', 'Shirazi', 'Esfahani', 'Nazari', 'Ghorbani', 'Kazemi', 'Amini', 'Farahani', 'Nikpour', 'Zand', 'Pahlavan', 'Bahrami'],
  middleShare: 0.2,
  englishFirstShare: 0.2,
  languages: [['en', 0.2]],
};

const HMONG: NameOrigin = {
  id: 'hmong',
  maleFirst: ['Tou', 'Kou', 'Pao', 'Chue', 'Neng', 'Fue', 'Nhia', 'Tong', 'Koua', 'Seng', 'Chong', 'Xai'],
  femaleFirst: ['Pa', 'Nou', 'Mai', 'Yer', 'Kia', 'Bao', 'Mai Yia', 'Pang', 'Zoua', 'Chee', 'May', 'Houa'],
  surnames: ['Vang', 'Xiong', 'Yang', 'Lee', 'Thao', 'Her', 'Moua', 'Lor', 'Vue', 'Cha', 'Chang', 'Hang', 'Kue', 'Lo', 'Khang'],
  surnameOffset: 2,
  middleShare: 0.1,
  englishFirstShare: 0.15,
  languages: [['en', 0.2]],
};

export const NAME_ORIGINS: readonly NameOrigin[] = [ANGLO, SPANISH, CHINESE, VIETNAMESE, KOREAN, FILIPINO, INDIAN, JAPANESE, KHMER, THAI, ARMENIAN, ARABIC, PERSIAN, HMONG];

/**
 * Approximate share of each origin among registered voters (percent, need not sum to 100),
 * shaped like each state's adult population.
 */
export const ORIGIN_WEIGHTS: Readonly<Record<'ca' | 'co', Readonly<Record<string, number>>>> = {
  ca: { anglo: 44, spanish: 30, chinese: 5, filipino: 4, vietnamese: 2.5, indian: 2.5, korean: 1.5, japanese: 1.5, armenian: 1.3, arabic: 1, persian: 1, khmer: 0.4, thai: 0.3, hmong: 0.3 },
  co: { anglo: 73, spanish: 21, chinese: 1, filipino: 0.6, vietnamese: 1, indian: 1, korean: 0.8, japanese: 0.6, armenian: 0.1, arabic: 0.6, persian: 0.3, khmer: 0.1, thai: 0.1, hmong: 0.2 },
};

/**
 * Tagalog default texts. See catalog.ts for the variables and rules.
 * Mind natanggap (received) versus tinanggap (accepted). SMS open with
 * "name, election:" to fit three UCS-2 segments.
 */
import type { LanguagePack } from './catalog.ts';

const p = (...paragraphs: string[]): string => paragraphs.join('\n\n');

const STOP = 'Reply STOP para itigil';
const head = '{voterName}, {electionName}:';
const hello = 'Mahal na {voterName},';
const statusLink = 'Tingnan ang status ng iyong balota: {statusUrl}';
const questions = 'May tanong? Tumawag sa Tanggapan ng Halalan ng County ng {countyName} sa {countyPhone} o bisitahin ang {countyWebsite}.';
const closing = `${statusLink}\n${questions}`;
const subject = (what: string): string => `${what} – {electionName}, County ng {countyName}`;
const reasonParagraph = '{hasReason, select, yes {\n\nDahilan: {reasonText}} other {}}';
const reasonSpoken = '{hasReason, select, yes { Ang dahilang ibinigay ng county: {reasonText}} other {}}';
const instruction = '{reasonCode, select, '
  + 'NVS {Walang pirma ang sobre ng iyong balota. Para maayos ito, kumuha ng pahayag ng pirma (signature statement) mula sa county, pirmahan ito, at ibalik.} '
  + 'NMS {Kailangang beripikahin ang pirma sa sobre ng iyong balota. Para maayos ito, kumuha ng pahayag sa pagberipika ng pirma mula sa county, pirmahan ito, at ibalik.} '
  + 'NID {Kailangan ng kopya ng iyong ID bago mabilang ang iyong balota. Magpadala sa county ng kopya ng isang tinatanggap na ID.} '
  + 'other {Makipag-ugnayan sa county para malaman kung ano ang kailangan.}}';
const instructionSpoken = '{reasonCode, select, '
  + 'NVS {Walang pirma ang sobre ng iyong balota. Kumuha ng pahayag ng pirma mula sa county, pirmahan ito, at ibalik.} '
  + 'NMS {Kailangang beripikahin ang pirma sa sobre ng iyong balota. Kumuha ng pahayag sa pagberipika ng pirma mula sa county, pirmahan ito, at ibalik.} '
  + 'NID {Kailangan ng kopya ng iyong ID. Magpadala ng kopya sa county.} '
  + 'other {Makipag-ugnayan sa county para malaman kung ano ang kailangan.}}';
const voiceIntro = 'Magandang araw. Ito ang {serviceName} na may mensahe para kay {voterName}.';

export const tl: LanguagePack = {
  language: 'tl',
  emailFooter: 'Natatanggap mo ang email na ito dahil naka-sign up ang address na ito sa mga mensahe ng {serviceName} tungkol sa pagsubaybay ng balota.',
  unsubscribeLabel: 'Mag-unsubscribe sa mga email na ito',
  templates: {
    outbound: {
      sms: `${head} ipinadala na sa koreo ng {countyName} County ang iyong balota. Papunta na ito sa iyo. ${STOP}`,
      emailSubject: subject('Naipadala na ang balota ni {voterName}'),
      emailText: p(
        hello,
        'Ipinadala ng County ng {countyName} sa koreo ang iyong balota para sa {electionName} noong {statusDate}. Papunta na ito sa iyo.',
        'Bumoto at ibalik ang iyong balota hanggang sa araw ng halalan, {electionDate}. Maaari mo itong ipadala pabalik sa koreo o dalhin sa isang drop box o lugar ng botohan.',
        closing,
      ),
      voice: `${voiceIntro} Ipinadala na ng County ng {countyName} sa koreo ang iyong balota para sa {electionName}. Papunta na ito sa iyo. Bumoto at ibalik ito hanggang sa araw ng halalan, {electionDate}. Kung may tanong, tumawag sa Tanggapan ng Halalan ng County ng {countyName} sa {countyPhone}. Salamat.`,
    },
    inbound: {
      sms: `${head} dinadala na ng koreo ang iyong balota pabalik sa {countyName} County. ${STOP}`,
      emailSubject: subject('Pabalik na sa county ang balota ni {voterName}'),
      emailText: p(
        hello,
        'Dinadala na ng U.S. Postal Service pabalik sa County ng {countyName} ang iyong balota para sa {electionName}. Na-scan ito sa koreo noong {statusDate}.',
        'Padadalhan ka namin ng isa pang mensahe kapag nasa county na ito.',
        closing,
      ),
      voice: `${voiceIntro} Dinadala na ng koreo pabalik sa County ng {countyName} ang iyong balota para sa {electionName}. Padadalhan ka namin ng isa pang mensahe kapag nasa county na ito. Salamat.`,
    },
    received: {
      sms: `${head} natanggap na ng {countyName} County ang iyong balota. Susuriin ito; aabisuhan ka ulit. ${STOP}`,
      emailSubject: subject('Natanggap na ang balota ni {voterName}'),
      emailText: p(
        hello,
        'Natanggap ng County ng {countyName} ang iyong balota para sa {electionName} noong {statusDate}.',
        'Susunod, susuriin ng mga kawani ng halalan ang sobre ng iyong balota, kasama ang iyong pirma. Padadalhan ka namin ng isa pang mensahe kapag tapos na ito.',
        closing,
      ),
      voice: `${voiceIntro} Natanggap na ng County ng {countyName} ang iyong balota para sa {electionName}. Susunod, susuriin ng mga kawani ng halalan ang sobre ng iyong balota, kasama ang iyong pirma. Padadalhan ka namin ng isa pang mensahe kapag tapos na ito. Salamat.`,
    },
    accepted: {
      sms: `${head} tinanggap ng {countyName} County ang iyong balota. Bibilangin ito. Salamat sa pagboto! ${STOP}`,
      emailSubject: subject('Tinanggap ang balota ni {voterName}'),
      emailText: p(
        hello,
        'Tinanggap ng County ng {countyName} ang iyong balota para sa {electionName} noong {statusDate}. Bibilangin ang iyong balota.',
        'Salamat sa pagboto.',
        closing,
      ),
      voice: `${voiceIntro} Tinanggap ng County ng {countyName} ang iyong balota para sa {electionName}. Bibilangin ang iyong balota. Salamat sa pagboto.`,
    },
    not_accepted: {
      sms: `${head} hindi matanggap ng {countyName} County ang iyong balota. Para sa tulong: {countyPhone}. ${STOP}`,
      emailSubject: subject('Hindi matanggap ang balota ni {voterName}'),
      emailText: p(
        hello,
        `Hindi matanggap ng County ng {countyName} ang iyong balota para sa {electionName}, kaya hindi ito mabibilang.${reasonParagraph}`,
        'Maipapaliwanag ng mga kawani ng halalan ng county kung ano ang nangyari at kung ano ang mga opsiyon mo. Tumawag sa Tanggapan ng Halalan ng County ng {countyName} sa {countyPhone} o bisitahin ang {countyWebsite}.',
        statusLink,
      ),
      voice: `${voiceIntro} Hindi matanggap ng County ng {countyName} ang iyong balota para sa {electionName}, kaya hindi ito mabibilang.${reasonSpoken} Maipapaliwanag ng mga kawani ng halalan ng county kung ano ang nangyari at kung ano ang mga opsiyon mo. Tumawag sa Tanggapan ng Halalan ng County ng {countyName} sa {countyPhone}. Salamat.`,
    },
    contact_county: {
      sms: `${head} {reasonCode, select, NVS {kulang ng pirma} NMS {patunayan ang pirma} NID {kailangan ng ID} other {may kailangang gawin}}. Tawagan ang {countyName} County hanggang {cureDeadline}: {countyPhone}. ${STOP}`,
      emailSubject: subject('Kailangang kumilos hanggang {cureDeadline}: balota ni {voterName}'),
      emailText: p(
        hello,
        'Kailangan ng County ng {countyName} ang iyong tulong bago mabilang ang iyong balota para sa {electionName}.',
        `${instruction}${reasonParagraph}`,
        'Gawin ito hanggang {cureDeadline}. Makipag-ugnayan sa Tanggapan ng Halalan ng County ng {countyName}:\nTelepono: {countyPhone}\nEmail: {countyEmail}\nWebsite: {countyWebsite}',
        statusLink,
      ),
      voice: `${voiceIntro} Kailangan ng County ng {countyName} ang iyong tulong bago mabilang ang iyong balota para sa {electionName}. ${instructionSpoken}${reasonSpoken} Gawin ito hanggang {cureDeadline}. Tumawag sa Tanggapan ng Halalan ng County ng {countyName} sa {countyPhone}. Uulitin namin, ang numero ay {countyPhone}. Salamat.`,
    },
    undeliverable: {
      sms: `${head} hindi naihatid ang balota mo. Para sa bago, tawagan ang {countyName} County: {countyPhone}. ${STOP}`,
      emailSubject: subject('Hindi naihatid ang balota ni {voterName}'),
      emailText: p(
        hello,
        'Hindi naihatid ang iyong balota para sa {electionName}. Ibinalik ito ng koreo sa County ng {countyName}.',
        'Makipag-ugnayan sa county para kumpirmahin ang iyong mailing address at para makakuha ng kapalit na balota. Tumawag sa {countyPhone} o bisitahin ang {countyWebsite}.',
        statusLink,
      ),
      voice: `${voiceIntro} Hindi naihatid ang iyong balota para sa {electionName}, at ibinalik ito ng koreo sa County ng {countyName}. Tumawag sa Tanggapan ng Halalan ng County ng {countyName} sa {countyPhone} para kumpirmahin ang iyong mailing address at makakuha ng kapalit na balota. Salamat.`,
    },
    reissued: {
      sms: `${head} nag-isyu ang {countyName} County ng bagong balota. Gamitin ito; ito lang ang bibilangin. ${STOP}`,
      emailSubject: subject('Bagong balota para kay {voterName}'),
      emailText: p(
        hello,
        'Binigyan ka ng County ng {countyName} ng bagong balota para sa {electionName} noong {statusDate}. Papalitan nito ang anumang balotang natanggap mo dati.',
        'Ang pinakabagong balota lang ang maaaring bilangin, kaya bumoto gamit ang bago at ibalik ito hanggang sa araw ng halalan, {electionDate}. Kung naipadala mo na ang lumang balota, tumawag sa county sa {countyPhone}.',
        closing,
      ),
      voice: `${voiceIntro} Binigyan ka ng County ng {countyName} ng bagong balota para sa {electionName}. Ang pinakabagong balota lang ang maaaring bilangin, kaya bumoto gamit ang bago at ibalik ito. Kung may tanong, tumawag sa Tanggapan ng Halalan ng County ng {countyName} sa {countyPhone}. Salamat.`,
    },
    in_person: {
      sms: `${head} ayon sa {countyName} County, personal kang bumoto; hindi bibilangin ang balota mo sa koreo. ${STOP}`,
      emailSubject: subject('Naitala ang personal na pagboto ni {voterName}'),
      emailText: p(
        hello,
        'Ayon sa rekord ng County ng {countyName}, bumoto ka nang personal sa {electionName}. Hindi na kailangan ang iyong balota sa koreo at hindi na ito bibilangin.',
        'Salamat sa pagboto. Kung sa tingin mo ay may mali, tumawag sa Tanggapan ng Halalan ng County ng {countyName} sa {countyPhone}.',
        statusLink,
      ),
      voice: `${voiceIntro} Ayon sa rekord ng County ng {countyName}, bumoto ka nang personal sa {electionName}. Hindi na kailangan ang iyong balota sa koreo at hindi na ito bibilangin. Kung sa tingin mo ay may mali, tumawag sa Tanggapan ng Halalan ng County ng {countyName} sa {countyPhone}. Salamat sa pagboto.`,
    },
    confirmation: {
      sms: `{serviceName}: naka-sign up si {voterName} sa mga text tungkol sa balota mula sa County ng {countyName}.{needsYes, select, yes { I-reply ang YES para kumpirmahin.} other {}} ${STOP}`,
      emailSubject: 'Naka-sign up sa mga update sa balota: {voterName}, County ng {countyName}',
      emailText: p(
        hello,
        'Naka-sign up si {voterName} ng County ng {countyName} sa mga mensahe ng {serviceName} tungkol sa pagsubaybay ng balota. Aabisuhan ka namin kapag naipadala na ang balota, kapag natanggap na ito ng county, at kung tinanggap ito o kailangan ng iyong aksiyon.',
        'Tingnan ang status ng iyong balota o baguhin ang iyong mga setting: {statusUrl}\nMay tanong? Tumawag sa {helpPhone}.',
      ),
      voice: 'Magandang araw. Ito ang {serviceName}. Naka-sign up si {voterName} ng County ng {countyName} sa mga mensahe tungkol sa pagsubaybay ng balota. Aabisuhan ka namin kapag naipadala na ang balota, kapag natanggap na ito ng county, at kung tinanggap ito o kailangan ng aksiyon. Salamat.',
    },
    opt_out_confirmation: {
      sms: '{serviceName}: hindi ka na makakatanggap ng mga text tungkol sa balota sa numerong ito. I-reply ang START para muling tumanggap.',
      emailSubject: '{serviceName}: hindi ka na makakatanggap ng mga email tungkol sa balota',
      emailText: p(
        'Hindi ka na makakatanggap ng mga email ng {serviceName} tungkol sa pagsubaybay ng balota sa address na ito.',
        'Kung magbago ang isip mo, maaari kang mag-sign up muli sa {statusUrl}. May tanong? Tumawag sa {helpPhone}.',
      ),
      voice: 'Ito ang {serviceName}. Hindi ka na makakatanggap ng mga tawag tungkol sa pagsubaybay ng balota sa numerong ito. Salamat.',
    },
    opt_in_confirmation: {
      sms: `{serviceName}: muli kang makakatanggap ng mga text tungkol sa balota sa numerong ito. I-reply ang HELP para sa tulong. ${STOP}`,
      emailSubject: '{serviceName}: muli kang makakatanggap ng mga email tungkol sa balota',
      emailText: p(
        'Muli kang makakatanggap ng mga email ng {serviceName} tungkol sa pagsubaybay ng balota sa address na ito.',
        'Tingnan ang status ng iyong balota o baguhin ang iyong mga setting: {statusUrl}\nMay tanong? Tumawag sa {helpPhone}.',
      ),
      voice: 'Ito ang {serviceName}. Muli kang makakatanggap ng mga tawag tungkol sa pagsubaybay ng balota sa numerong ito. Salamat.',
    },
    help: {
      sms: `{serviceName}: mga text sa pagsubaybay ng balota mula sa estado at iyong county. Tulong: {helpPhone} o {statusUrl}. Maaaring may singil sa mensahe at data. ${STOP}`,
      emailSubject: '{serviceName}: tulong sa mga mensahe tungkol sa balota',
      emailText: p(
        'Nagpapadala ang {serviceName} ng mga mensahe sa pagsubaybay ng balota para sa estado at sa tanggapan ng halalan ng iyong county.',
        'Para sa tulong, tumawag sa {helpPhone} o bisitahin ang {statusUrl}. Para ihinto ang mga email na ito, gamitin ang link sa pag-unsubscribe sa ibaba.',
      ),
      voice: 'Ito ang {serviceName}, na nagpapadala ng mga mensahe sa pagsubaybay ng balota para sa estado at sa tanggapan ng halalan ng iyong county. Para sa tulong, tumawag sa {helpPhone}. Salamat.',
    },
  },
};

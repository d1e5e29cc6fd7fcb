/**
 * Hindi default texts. See catalog.ts for the variables and rules.
 */
import type { LanguagePack } from './catalog.ts';

const p = (...paragraphs: string[]): string => paragraphs.join('\n\n');

const STOP = 'रोकने के लिए STOP भेजें';
const hello = 'नमस्ते {voterName},';
const statusLink = 'अपने मतपत्र की स्थिति देखें: {statusUrl}';
const questions = 'कोई प्रश्न हो तो {countyName} काउंटी चुनाव कार्यालय को {countyPhone} पर कॉल करें या {countyWebsite} पर जाएँ।';
const closing = `${statusLink}\n${questions}`;
const subject = (what: string): string => `${what} – {electionName}, {countyName} काउंटी`;
const reasonParagraph = '{hasReason, select, yes {\n\nकारण: {reasonText}} other {}}';
const reasonSpoken = '{hasReason, select, yes { काउंटी द्वारा बताया गया कारण है: {reasonText}} other {}}';
const instruction = '{reasonCode, select, '
  + 'NVS {आपके मतपत्र के लिफ़ाफ़े पर हस्ताक्षर नहीं हैं। इसे ठीक करने के लिए काउंटी से हस्ताक्षर विवरण फ़ॉर्म लें, उस पर हस्ताक्षर करें और लौटा दें।} '
  + 'NMS {आपके मतपत्र के लिफ़ाफ़े पर किए गए हस्ताक्षर की पुष्टि ज़रूरी है। इसे ठीक करने के लिए काउंटी से हस्ताक्षर सत्यापन फ़ॉर्म लें, उस पर हस्ताक्षर करें और लौटा दें।} '
  + 'NID {आपका मतपत्र गिने जाने से पहले आपके पहचान पत्र की प्रति ज़रूरी है। काउंटी को किसी मान्य पहचान पत्र की प्रति भेजें।} '
  + 'other {क्या करना है, यह जानने के लिए कृपया काउंटी से संपर्क करें।}}';
const instructionSpoken = '{reasonCode, select, '
  + 'NVS {आपके मतपत्र के लिफ़ाफ़े पर हस्ताक्षर नहीं हैं। कृपया काउंटी से हस्ताक्षर विवरण फ़ॉर्म लें, उस पर हस्ताक्षर करें और लौटा दें।} '
  + 'NMS {आपके मतपत्र के लिफ़ाफ़े पर किए गए हस्ताक्षर की पुष्टि ज़रूरी है। कृपया काउंटी से हस्ताक्षर सत्यापन फ़ॉर्म लें, उस पर हस्ताक्षर करें और लौटा दें।} '
  + 'NID {आपके पहचान पत्र की प्रति ज़रूरी है। कृपया काउंटी को उसकी प्रति भेजें।} '
  + 'other {क्या करना है, यह जानने के लिए कृपया काउंटी से संपर्क करें।}}';
const voiceIntro = 'नमस्ते। यह {serviceName} की ओर से {voterName} के लिए एक संदेश है।';

export const hi: LanguagePack = {
  language: 'hi',
  emailFooter: 'आपको यह ईमेल इसलिए मिला है क्योंकि यह पता {serviceName} के मतपत्र ट्रैकिंग संदेशों के लिए पंजीकृत है।',
  unsubscribeLabel: 'इन ईमेल की सदस्यता समाप्त करें',
  templates: {
    outbound: {
      sms: `{voterName}: {countyName} काउंटी ने आपका {electionName} मतपत्र डाक से भेज दिया है। ${STOP}`,
      emailSubject: subject('{voterName} का मतपत्र डाक से भेजा गया'),
      emailText: p(
        hello,
        '{countyName} काउंटी ने {statusDate} को आपका {electionName} मतपत्र डाक से भेजा। यह आपके पास आ रहा है।',
        'चुनाव के दिन, {electionDate} तक मतदान करके अपना मतपत्र लौटा दें। आप इसे डाक से वापस भेज सकते हैं, या किसी ड्रॉप बॉक्स या मतदान स्थल पर जमा कर सकते हैं।',
        closing,
      ),
      voice: `${voiceIntro} {countyName} काउंटी ने आपका {electionName} मतपत्र डाक से भेज दिया है। यह आपके पास आ रहा है। कृपया चुनाव के दिन, {electionDate} तक मतदान करके इसे लौटा दें। कोई प्रश्न हो तो {countyName} काउंटी चुनाव कार्यालय को {countyPhone} पर कॉल करें। धन्यवाद।`,
    },
    inbound: {
      sms: `{voterName}: आपका {electionName} मतपत्र डाक से {countyName} काउंटी को वापस जा रहा है। ${STOP}`,
      emailSubject: subject('{voterName} का मतपत्र वापस जा रहा है'),
      emailText: p(
        hello,
        'अमेरिकी डाक सेवा आपका {electionName} मतपत्र वापस {countyName} काउंटी ले जा रही है। {statusDate} को डाक में इसे स्कैन किया गया।',
        'काउंटी के पास पहुँचने पर हम आपको फिर से संदेश भेजेंगे।',
        closing,
      ),
      voice: `${voiceIntro} आपका {electionName} मतपत्र डाक से {countyName} काउंटी को वापस जा रहा है। काउंटी के पास पहुँचने पर हम आपको फिर से संदेश भेजेंगे। धन्यवाद।`,
    },
    received: {
      sms: `{voterName}: {countyName} काउंटी को आपका {electionName} मतपत्र मिल गया है। अब इसकी जाँच होगी, फिर हम सूचित करेंगे। ${STOP}`,
      emailSubject: subject('{voterName} का मतपत्र काउंटी को मिल गया'),
      emailText: p(
        hello,
        '{countyName} काउंटी को {statusDate} को आपका {electionName} मतपत्र मिला।',
        'अब चुनाव कर्मचारी आपके मतपत्र के लिफ़ाफ़े की जाँच करेंगे, जिसमें आपके हस्ताक्षर भी शामिल हैं। जाँच पूरी होने पर हम आपको फिर से संदेश भेजेंगे।',
        closing,
      ),
      voice: `${voiceIntro} {countyName} काउंटी को आपका {electionName} मतपत्र मिल गया है। अब चुनाव कर्मचारी आपके मतपत्र के लिफ़ाफ़े की जाँच करेंगे, जिसमें आपके हस्ताक्षर भी शामिल हैं। जाँच पूरी होने पर हम आपको फिर से संदेश भेजेंगे। धन्यवाद।`,
    },
    accepted: {
      sms: `{voterName}: {countyName} काउंटी ने आपका {electionName} मतपत्र स्वीकार कर लिया है। इसकी गिनती होगी। धन्यवाद! ${STOP}`,
      emailSubject: subject('{voterName} का मतपत्र स्वीकार किया गया'),
      emailText: p(
        hello,
        '{countyName} काउंटी ने {statusDate} को आपका {electionName} मतपत्र स्वीकार कर लिया। आपके मतपत्र की गिनती होगी।',
        'मतदान करने के लिए धन्यवाद।',
        closing,
      ),
      voice: `${voiceIntro} {countyName} काउंटी ने आपका {electionName} मतपत्र स्वीकार कर लिया है। आपके मतपत्र की गिनती होगी। मतदान करने के लिए धन्यवाद।`,
    },
    not_accepted: {
      sms: `{voterName}: {countyName} काउंटी आपका {electionName} मतपत्र स्वीकार नहीं कर सकी। मदद के लिए कॉल करें: {countyPhone} ${STOP}`,
      emailSubject: subject('{voterName} का मतपत्र स्वीकार नहीं किया जा सका'),
      emailText: p(
        hello,
        `{countyName} काउंटी आपका {electionName} मतपत्र स्वीकार नहीं कर सकी, इसलिए इसकी गिनती नहीं होगी।${reasonParagraph}`,
        'काउंटी के चुनाव कर्मचारी आपको बता सकते हैं कि क्या हुआ और आपके पास क्या विकल्प हैं। कृपया {countyName} काउंटी चुनाव कार्यालय को {countyPhone} पर कॉल करें या {countyWebsite} पर जाएँ।',
        statusLink,
      ),
      voice: `${voiceIntro} {countyName} काउंटी आपका {electionName} मतपत्र स्वीकार नहीं कर सकी, इसलिए इसकी गिनती नहीं होगी।${reasonSpoken} काउंटी के चुनाव कर्मचारी आपको बता सकते हैं कि क्या हुआ और आपके पास क्या विकल्प हैं। कृपया {countyName} काउंटी चुनाव कार्यालय को {countyPhone} पर कॉल करें। धन्यवाद।`,
    },
    contact_county: {
      sms: `{voterName}: {electionName} मतपत्र पर {reasonCode, select, NVS {हस्ताक्षर चाहिए} NMS {हस्ताक्षर पुष्टि चाहिए} NID {ID की प्रति चाहिए} other {कार्रवाई चाहिए}}। {cureDeadline} तक {countyName} काउंटी को कॉल करें: {countyPhone} ${STOP}`,
      emailSubject: subject('{cureDeadline} तक कार्रवाई ज़रूरी: {voterName} का मतपत्र'),
      emailText: p(
        hello,
        '{countyName} काउंटी को आपका {electionName} मतपत्र गिनने से पहले आपकी मदद चाहिए।',
        `${instruction}${reasonParagraph}`,
        'कृपया यह {cureDeadline} तक करें। {countyName} काउंटी चुनाव कार्यालय से संपर्क करें:\nफ़ोन: {countyPhone}\nईमेल: {countyEmail}\nवेबसाइट: {countyWebsite}',
        statusLink,
      ),
      voice: `${voiceIntro} {countyName} काउंटी को आपका {electionName} मतपत्र गिनने से पहले आपकी मदद चाहिए। ${instructionSpoken}${reasonSpoken} कृपया यह {cureDeadline} तक करें। {countyName} काउंटी चुनाव कार्यालय को {countyPhone} पर कॉल करें। फिर से बता दें, नंबर है {countyPhone}। धन्यवाद।`,
    },
    undeliverable: {
      sms: `{voterName}: आपका {electionName} मतपत्र पहुँच नहीं सका और लौट आया। नए मतपत्र के लिए {countyName} काउंटी: {countyPhone} ${STOP}`,
      emailSubject: subject('{voterName} का मतपत्र पहुँचाया नहीं जा सका'),
      emailText: p(
        hello,
        'आपका {electionName} मतपत्र पहुँचाया नहीं जा सका। डाक विभाग ने इसे {countyName} काउंटी को लौटा दिया है।',
        'कृपया अपना डाक पता पक्का करने और नया मतपत्र पाने के लिए काउंटी से संपर्क करें। {countyPhone} पर कॉल करें या {countyWebsite} पर जाएँ।',
        statusLink,
      ),
      voice: `${voiceIntro} आपका {electionName} मतपत्र पहुँचाया नहीं जा सका, और डाक विभाग ने इसे {countyName} काउंटी को लौटा दिया है। कृपया अपना डाक पता पक्का करने और नया मतपत्र पाने के लिए {countyName} काउंटी चुनाव कार्यालय को {countyPhone} पर कॉल करें। धन्यवाद।`,
    },
    reissued: {
      sms: `{voterName}: {countyName} काउंटी ने नया {electionName} मतपत्र जारी किया है। नया ही इस्तेमाल करें, सिर्फ़ नया गिना जाएगा। ${STOP}`,
      emailSubject: subject('{voterName} को नया मतपत्र जारी किया गया'),
      emailText: p(
        hello,
        '{countyName} काउंटी ने {statusDate} को आपको नया {electionName} मतपत्र जारी किया। यह आपको पहले मिले किसी भी मतपत्र की जगह लेता है।',
        'केवल सबसे नए मतपत्र की ही गिनती हो सकती है, इसलिए कृपया नए मतपत्र से मतदान करें और इसे चुनाव के दिन, {electionDate} तक लौटा दें। अगर आप पुराना मतपत्र पहले ही भेज चुके हैं, तो काउंटी को {countyPhone} पर कॉल करें।',
        closing,
      ),
      voice: `${voiceIntro} {countyName} काउंटी ने आपको नया {electionName} मतपत्र जारी किया है। केवल सबसे नए मतपत्र की ही गिनती हो सकती है, इसलिए कृपया नए मतपत्र से मतदान करके इसे लौटा दें। कोई प्रश्न हो तो {countyName} काउंटी चुनाव कार्यालय को {countyPhone} पर कॉल करें। धन्यवाद।`,
    },
    in_person: {
      sms: `{voterName}: {countyName} काउंटी के अनुसार आपने {electionName} में स्वयं मतदान किया है, अतः डाक मतपत्र नहीं गिना जाएगा। ${STOP}`,
      emailSubject: subject('{voterName} का स्वयं जाकर मतदान दर्ज हुआ'),
      emailText: p(
        hello,
        '{countyName} काउंटी के रिकॉर्ड के अनुसार, आपने {electionName} में स्वयं जाकर मतदान किया है। आपके डाक मतपत्र की ज़रूरत नहीं है और उसकी गिनती नहीं होगी।',
        'मतदान करने के लिए धन्यवाद। अगर आपको लगता है कि यह गलत है, तो कृपया {countyName} काउंटी चुनाव कार्यालय को {countyPhone} पर कॉल करें।',
        statusLink,
      ),
      voice: `${voiceIntro} {countyName} काउंटी के रिकॉर्ड के अनुसार, आपने {electionName} में स्वयं जाकर मतदान किया है। आपके डाक मतपत्र की ज़रूरत नहीं है और उसकी गिनती नहीं होगी। अगर आपको लगता है कि यह गलत है, तो कृपया {countyName} काउंटी चुनाव कार्यालय को {countyPhone} पर कॉल करें। मतदान करने के लिए धन्यवाद।`,
    },
    confirmation: {
      sms: `{serviceName}: {voterName} को {countyName} काउंटी के मतपत्र संदेशों के लिए पंजीकृत किया गया है।{needsYes, select, yes { पुष्टि के लिए YES भेजें।} other {}} ${STOP}`,
      emailSubject: 'मतपत्र संदेशों के लिए पंजीकरण: {voterName}, {countyName} काउंटी',
      emailText: p(
        hello,
        '{countyName} काउंटी के {voterName} को {serviceName} के मतपत्र ट्रैकिंग संदेशों के लिए पंजीकृत किया गया है। मतपत्र भेजे जाने पर, काउंटी को मिलने पर, और उसके स्वीकार होने या आपकी कार्रवाई ज़रूरी होने पर हम आपको बताएँगे।',
        'मतपत्र की स्थिति देखें या अपनी सेटिंग बदलें: {statusUrl}\nकोई प्रश्न हो तो {helpPhone} पर कॉल करें।',
      ),
      voice: 'नमस्ते। यह {serviceName} है। {countyName} काउंटी के {voterName} को मतपत्र ट्रैकिंग संदेशों के लिए पंजीकृत किया गया है। मतपत्र भेजे जाने पर, काउंटी को मिलने पर, और उसके स्वीकार होने या कार्रवाई ज़रूरी होने पर हम बताएँगे। धन्यवाद।',
    },
    opt_out_confirmation: {
      sms: '{serviceName}: इस नंबर पर अब मतपत्र संदेश नहीं आएँगे। फिर से पाने के लिए START भेजें।',
      emailSubject: '{serviceName}: अब आपको मतपत्र ईमेल नहीं मिलेंगे',
      emailText: p(
        'इस पते पर अब {serviceName} के मतपत्र ट्रैकिंग ईमेल नहीं आएँगे।',
        'अगर आप अपना विचार बदलते हैं, तो {statusUrl} पर फिर से पंजीकरण कर सकते हैं। कोई प्रश्न हो तो {helpPhone} पर कॉल करें।',
      ),
      voice: 'यह {serviceName} है। इस नंबर पर अब मतपत्र ट्रैकिंग कॉल नहीं आएँगी। धन्यवाद।',
    },
    opt_in_confirmation: {
      sms: `{serviceName}: इस नंबर पर मतपत्र संदेश फिर से शुरू हो गए हैं। सहायता के लिए HELP भेजें। ${STOP}`,
      emailSubject: '{serviceName}: मतपत्र ईमेल फिर से शुरू हो गए हैं',
      emailText: p(
        'इस पते पर {serviceName} के मतपत्र ट्रैकिंग ईमेल फिर से आने लगेंगे।',
        'मतपत्र की स्थिति देखें या अपनी सेटिंग बदलें: {statusUrl}\nकोई प्रश्न हो तो {helpPhone} पर कॉल करें।',
      ),
      voice: 'यह {serviceName} है। इस नंबर पर मतपत्र ट्रैकिंग कॉल फिर से शुरू हो गई हैं। धन्यवाद।',
    },
    help: {
      sms: `{serviceName}: राज्य और आपकी काउंटी के मतपत्र ट्रैकिंग संदेश। सहायता: {helpPhone} या {statusUrl}। संदेश और डेटा शुल्क लग सकते हैं। ${STOP}`,
      emailSubject: '{serviceName}: मतपत्र ट्रैकिंग संदेशों के बारे में सहायता',
      emailText: p(
        '{serviceName} राज्य और आपकी काउंटी के चुनाव कार्यालय की ओर से मतपत्र ट्रैकिंग संदेश भेजता है।',
        'सहायता के लिए {helpPhone} पर कॉल करें या {statusUrl} पर जाएँ। ये ईमेल बंद करने के लिए नीचे दिए गए सदस्यता समाप्त करने के लिंक का उपयोग करें।',
      ),
      voice: 'यह {serviceName} है, जो राज्य और आपकी काउंटी के चुनाव कार्यालय की ओर से मतपत्र ट्रैकिंग संदेश भेजता है। सहायता के लिए {helpPhone} पर कॉल करें। धन्यवाद।',
    },
  },
};

/**
 * Spanish (US) default texts. See catalog.ts for the variables and rules.
 * SMS open with "name, election:" so that every text fits three UCS-2 segments.
 */
import type { LanguagePack } from './catalog.ts';

const p = (...paragraphs: string[]): string => paragraphs.join('\n\n');

const STOP = 'Responda STOP para salir';
const head = '{voterName}, {electionName}:';
const hello = 'Hola, {voterName}:';
const statusLink = 'Vea el estado de su boleta: {statusUrl}';
const questions = '¿Preguntas? Llame a la oficina electoral del condado de {countyName} al {countyPhone} o visite {countyWebsite}.';
const closing = `${statusLink}\n${questions}`;
const subject = (what: string): string => `${what} – {electionName}, condado de {countyName}`;
const reasonParagraph = '{hasReason, select, yes {\n\nMotivo: {reasonText}} other {}}';
const reasonSpoken = '{hasReason, select, yes { El motivo indicado es: {reasonText}} other {}}';
const instruction = '{reasonCode, select, '
  + 'NVS {Falta su firma en el sobre de su boleta. Para corregirlo, pida al condado una declaración de firma, fírmela y devuélvala.} '
  + 'NMS {Hay que verificar la firma en el sobre de su boleta. Para corregirlo, pida al condado una declaración de verificación de firma, fírmela y devuélvala.} '
  + 'NID {Su boleta necesita una copia de su identificación para poder contarse. Envíe al condado una copia de una identificación aceptada.} '
  + 'other {Comuníquese con el condado para saber qué se necesita.}}';
const instructionSpoken = '{reasonCode, select, '
  + 'NVS {Falta su firma en el sobre de su boleta. Pida al condado una declaración de firma, fírmela y devuélvala.} '
  + 'NMS {Hay que verificar la firma en el sobre de su boleta. Pida al condado una declaración de verificación de firma, fírmela y devuélvala.} '
  + 'NID {Su boleta necesita una copia de su identificación. Envíe al condado una copia de su identificación.} '
  + 'other {Comuníquese con el condado para saber qué se necesita.}}';
const voiceIntro = 'Hola. Este es un mensaje de {serviceName} para {voterName}.';

export const es: LanguagePack = {
  language: 'es',
  emailFooter: 'Recibe este correo porque esta dirección está inscrita para recibir los mensajes de seguimiento de boletas de {serviceName}.',
  unsubscribeLabel: 'Cancelar la suscripción a estos correos',
  templates: {
    outbound: {
      sms: `${head} el condado de {countyName} le envió su boleta por correo. Ya va en camino. ${STOP}`,
      emailSubject: subject('Boleta enviada por correo a {voterName}'),
      emailText: p(
        hello,
        'El condado de {countyName} le envió por correo su boleta para {electionName} el {statusDate}. Ya va en camino.',
        'Vote y devuelva su boleta a más tardar el día de la elección, {electionDate}. Puede enviarla por correo o llevarla a un buzón oficial o a un lugar de votación.',
        closing,
      ),
      voice: `${voiceIntro} El condado de {countyName} le envió por correo su boleta para {electionName}. Ya va en camino. Vote y devuélvala a más tardar el día de la elección, {electionDate}. Si tiene preguntas, llame a la oficina electoral del condado de {countyName} al {countyPhone}. Gracias.`,
    },
    inbound: {
      sms: `${head} el correo está llevando su boleta de regreso al condado de {countyName}. ${STOP}`,
      emailSubject: subject('La boleta de {voterName} va de regreso'),
      emailText: p(
        hello,
        'El Servicio Postal está llevando su boleta para {electionName} de regreso al condado de {countyName}. Se escaneó en el correo el {statusDate}.',
        'Le enviaremos otro mensaje cuando el condado la tenga.',
        closing,
      ),
      voice: `${voiceIntro} El Servicio Postal está llevando su boleta para {electionName} de regreso al condado de {countyName}. Le enviaremos otro mensaje cuando el condado la tenga. Gracias.`,
    },
    received: {
      sms: `${head} el condado de {countyName} recibió su boleta. Se revisará y le avisaremos. ${STOP}`,
      emailSubject: subject('Boleta recibida de {voterName}'),
      emailText: p(
        hello,
        'El condado de {countyName} recibió su boleta para {electionName} el {statusDate}.',
        'Ahora, el personal electoral revisará el sobre de su boleta, incluida su firma. Le enviaremos otro mensaje cuando terminen.',
        closing,
      ),
      voice: `${voiceIntro} El condado de {countyName} recibió su boleta para {electionName}. Ahora, el personal electoral revisará el sobre de su boleta, incluida su firma. Le enviaremos otro mensaje cuando terminen. Gracias.`,
    },
    accepted: {
      sms: `${head} el condado de {countyName} aceptó su boleta. Se contará. ¡Gracias por votar! ${STOP}`,
      emailSubject: subject('Boleta aceptada de {voterName}'),
      emailText: p(
        hello,
        'El condado de {countyName} aceptó su boleta para {electionName} el {statusDate}. Su boleta se contará.',
        'Gracias por votar.',
        closing,
      ),
      voice: `${voiceIntro} El condado de {countyName} aceptó su boleta para {electionName}. Su boleta se contará. Gracias por votar.`,
    },
    not_accepted: {
      sms: `${head} el condado de {countyName} no pudo aceptar su boleta. Para ayuda, llame al {countyPhone}. ${STOP}`,
      emailSubject: subject('No se pudo aceptar la boleta de {voterName}'),
      emailText: p(
        hello,
        `El condado de {countyName} no pudo aceptar su boleta para {electionName}, por lo que no se contará.${reasonParagraph}`,
        'El personal electoral del condado puede explicarle qué pasó y qué opciones tiene. Llame a la oficina electoral del condado de {countyName} al {countyPhone} o visite {countyWebsite}.',
        statusLink,
      ),
      voice: `${voiceIntro} El condado de {countyName} no pudo aceptar su boleta para {electionName}, por lo que no se contará.${reasonSpoken} El personal electoral del condado puede explicarle qué pasó y qué opciones tiene. Llame a la oficina electoral del condado de {countyName} al {countyPhone}. Gracias.`,
    },
    contact_county: {
      sms: `${head} {reasonCode, select, NVS {falta su firma} NMS {valide su firma} NID {falta su ID} other {requiere acción}}. Llame al condado de {countyName} hasta el {cureDeadline}: {countyPhone}. ${STOP}`,
      emailSubject: subject('Acción necesaria hasta el {cureDeadline}: boleta de {voterName}'),
      emailText: p(
        hello,
        'El condado de {countyName} necesita su ayuda para poder contar su boleta para {electionName}.',
        `${instruction}${reasonParagraph}`,
        'Hágalo a más tardar el {cureDeadline}. Comuníquese con la oficina electoral del condado de {countyName}:\nTeléfono: {countyPhone}\nCorreo electrónico: {countyEmail}\nSitio web: {countyWebsite}',
        statusLink,
      ),
      voice: `${voiceIntro} El condado de {countyName} necesita su ayuda para poder contar su boleta para {electionName}. ${instructionSpoken}${reasonSpoken} Hágalo a más tardar el {cureDeadline}. Llame a la oficina electoral del condado de {countyName} al {countyPhone}. Repetimos, el número es {countyPhone}. Gracias.`,
    },
    undeliverable: {
      sms: `${head} su boleta no se pudo entregar. Pida otra al condado de {countyName}: {countyPhone}. ${STOP}`,
      emailSubject: subject('No se pudo entregar la boleta de {voterName}'),
      emailText: p(
        hello,
        'Su boleta para {electionName} no se pudo entregar. El correo la devolvió al condado de {countyName}.',
        'Comuníquese con el condado para confirmar su dirección postal y obtener una boleta de reemplazo. Llame al {countyPhone} o visite {countyWebsite}.',
        statusLink,
      ),
      voice: `${voiceIntro} Su boleta para {electionName} no se pudo entregar, y el correo la devolvió al condado de {countyName}. Llame a la oficina electoral del condado de {countyName} al {countyPhone} para confirmar su dirección postal y obtener una boleta de reemplazo. Gracias.`,
    },
    reissued: {
      sms: `${head} el condado de {countyName} le emitió una boleta nueva. Use esa; solo cuenta la última. ${STOP}`,
      emailSubject: subject('Nueva boleta emitida para {voterName}'),
      emailText: p(
        hello,
        'El condado de {countyName} le emitió una boleta nueva para {electionName} el {statusDate}. Reemplaza cualquier boleta que haya recibido antes.',
        'Solo se puede contar su boleta más reciente, así que vote con la nueva y devuélvala a más tardar el día de la elección, {electionDate}. Si ya envió una boleta anterior, llame al condado al {countyPhone}.',
        closing,
      ),
      voice: `${voiceIntro} El condado de {countyName} le emitió una boleta nueva para {electionName}. Solo se puede contar su boleta más reciente, así que vote con la nueva y devuélvala. Si tiene preguntas, llame a la oficina electoral del condado de {countyName} al {countyPhone}. Gracias.`,
    },
    in_person: {
      sms: `${head} según el condado de {countyName}, votó en persona: su boleta por correo no se contará. ${STOP}`,
      emailSubject: subject('Voto en persona registrado para {voterName}'),
      emailText: p(
        hello,
        'Los registros del condado de {countyName} indican que usted votó en persona en {electionName}. Su boleta por correo no es necesaria y no se contará.',
        'Gracias por votar. Si cree que esto es un error, llame a la oficina electoral del condado de {countyName} al {countyPhone}.',
        statusLink,
      ),
      voice: `${voiceIntro} Los registros del condado de {countyName} indican que usted votó en persona en {electionName}. Su boleta por correo no es necesaria y no se contará. Si cree que esto es un error, llame a la oficina electoral del condado de {countyName} al {countyPhone}. Gracias por votar.`,
    },
    confirmation: {
      sms: `{serviceName}: se inscribió a {voterName} para recibir textos sobre su boleta del condado de {countyName}.{needsYes, select, yes { Responda YES para confirmar.} other {}} ${STOP}`,
      emailSubject: 'Inscripción a los avisos sobre su boleta: {voterName}, condado de {countyName}',
      emailText: p(
        hello,
        'Se inscribió a {voterName}, del condado de {countyName}, para recibir los mensajes de seguimiento de boletas de {serviceName}. Le avisaremos cuando se envíe su boleta, cuando el condado la reciba y si se acepta o necesita su atención.',
        'Vea el estado de su boleta o cambie sus preferencias: {statusUrl}\n¿Preguntas? Llame al {helpPhone}.',
      ),
      voice: 'Hola. Este es un mensaje de {serviceName}. Se inscribió a {voterName} para recibir mensajes sobre su boleta del condado de {countyName}. Le avisaremos cuando se envíe la boleta, cuando el condado la reciba y si se acepta o necesita atención. Gracias.',
    },
    opt_out_confirmation: {
      sms: '{serviceName}: ya no recibirá textos sobre boletas en este número. Responda START para volver a recibirlos.',
      emailSubject: '{serviceName}: ya no recibirá correos sobre su boleta',
      emailText: p(
        'Ya no recibirá en esta dirección los correos de seguimiento de boletas de {serviceName}.',
        'Si cambia de opinión, puede volver a inscribirse en {statusUrl}. ¿Preguntas? Llame al {helpPhone}.',
      ),
      voice: 'Este es un mensaje de {serviceName}. Ya no recibirá llamadas sobre su boleta en este número. Gracias.',
    },
    opt_in_confirmation: {
      sms: `{serviceName}: volverá a recibir textos sobre su boleta en este número. Responda HELP para ayuda. ${STOP}`,
      emailSubject: '{serviceName}: volverá a recibir correos sobre su boleta',
      emailText: p(
        'Volverá a recibir en esta dirección los correos de seguimiento de boletas de {serviceName}.',
        'Vea el estado de su boleta o cambie sus preferencias: {statusUrl}\n¿Preguntas? Llame al {helpPhone}.',
      ),
      voice: 'Este es un mensaje de {serviceName}. Volverá a recibir llamadas sobre su boleta en este número. Gracias.',
    },
    help: {
      sms: `{serviceName}: textos de seguimiento de boletas del estado y su condado. Ayuda: {helpPhone} o {statusUrl}. Pueden aplicarse tarifas de mensajes y datos. ${STOP}`,
      emailSubject: '{serviceName}: ayuda con los mensajes sobre su boleta',
      emailText: p(
        '{serviceName} envía mensajes de seguimiento de boletas en nombre del estado y de la oficina electoral de su condado.',
        'Para recibir ayuda, llame al {helpPhone} o visite {statusUrl}. Para dejar de recibir estos correos, use el enlace para cancelar la suscripción que aparece abajo.',
      ),
      voice: 'Este es {serviceName}, que envía mensajes de seguimiento de boletas en nombre del estado y de la oficina electoral de su condado. Para recibir ayuda, llame al {helpPhone}. Gracias.',
    },
  },
};

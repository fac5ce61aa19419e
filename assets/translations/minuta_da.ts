<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da" sourcelanguage="en">
<context>
    <name>AboutData</name>
    <message>
        <source>Data folder</source>
        <translation>Datamappe</translation>
    </message>
    <message>
        <source>Meetings, transcripts and notes (database)</source>
        <translation>Møder, transskriptioner og noter (database)</translation>
    </message>
    <message>
        <source>Recordings</source>
        <translation>Optagelser</translation>
    </message>
    <message>
        <source>The key that unlocks it</source>
        <translation>Nøglen, der låser den op</translation>
    </message>
    <message>
        <source>Speech models</source>
        <translation>Talemodeller</translation>
    </message>
    <message>
        <source>Window settings</source>
        <translation>Vinduesindstillinger</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>Logfil</translation>
    </message>
    <message>
        <source>Not in a file: kept by your system keyring</source>
        <translation>Ikke i en fil: opbevares i systemets nøglering</translation>
    </message>
    <message>
        <source>No recordings yet</source>
        <translation>Ingen optagelser endnu</translation>
    </message>
    <message>
        <source>1 recording file, {size}</source>
        <translation>1 optagelsesfil, {size}</translation>
    </message>
    <message>
        <source>{count} recording files, {size}</source>
        <translation>{count} optagelsesfiler, {size}</translation>
    </message>
    <message>
        <source>Not created yet</source>
        <translation>Ikke oprettet endnu</translation>
    </message>
    <message>
        <source>Encrypted {mark} — checked just now</source>
        <translation>Krypteret {mark} — tjekket lige nu</translation>
    </message>
    <message>
        <source>Holds no personal data: only the speech models, as downloaded.</source>
        <translation>Indeholder ingen persondata: kun talemodellerne, som de blev hentet.</translation>
    </message>
    <message>
        <source>Holds no personal data: only the window layout and the record shortcut.</source>
        <translation>Indeholder ingen persondata: kun vinduernes placering og genvejen til optagelse.</translation>
    </message>
    <message>
        <source>Holds no personal data: technical messages only, with names and words removed.</source>
        <translation>Indeholder ingen persondata: kun tekniske beskeder, hvor navne og ord er fjernet.</translation>
    </message>
    <message>
        <source>Not encrypted! {count} file(s) here are not Minuta&apos;s encrypted format:</source>
        <translation>Ikke krypteret! {count} fil(er) her er ikke i Minutas krypterede format:</translation>
    </message>
    <message>
        <source>Not encrypted! Some files here can be read without the key: see the end of this list.</source>
        <translation>Ikke krypteret! Nogle filer her kan læses uden nøglen: se sidst i listen.</translation>
    </message>
    <message>
        <source>Not encrypted! Something here can be read without the key.</source>
        <translation>Ikke krypteret! Noget her kan læses uden nøglen.</translation>
    </message>
    <message>
        <source>Not encrypted!</source>
        <translation>Ikke krypteret!</translation>
    </message>
    <message>
        <source>Locked with your passphrase; only a locked copy is in this file.</source>
        <translation>Låst med din adgangssætning; denne fil indeholder kun en låst kopi.</translation>
    </message>
    <message>
        <source>Kept in your {location}.</source>
        <translation>Opbevares i din {location}.</translation>
    </message>
    <message>
        <source>You confirmed that your recovery key is written down.</source>
        <translation>Du har bekræftet, at din gendannelsesnøgle er skrevet ned.</translation>
    </message>
    <message>
        <source>Your recovery key is not yet confirmed as written down.</source>
        <translation>Du har endnu ikke bekræftet, at din gendannelsesnøgle er skrevet ned.</translation>
    </message>
    <message>
        <source>Everything Minuta keeps about your meetings is encrypted on this computer (checked at {time}).</source>
        <translation>Alt, hvad Minuta gemmer om dine møder, er krypteret på denne computer (tjekket kl. {time}).</translation>
    </message>
    <message>
        <source>Something is not encrypted (checked at {time}). See below: nothing was changed or deleted.</source>
        <translation>Noget er ikke krypteret (tjekket kl. {time}). Se nedenfor: intet er ændret eller slettet.</translation>
    </message>
    <message>
        <source>Audio, not encrypted</source>
        <translation>Lyd, ikke krypteret</translation>
    </message>
    <message>
        <source>A database, not encrypted</source>
        <translation>En database, ikke krypteret</translation>
    </message>
    <message>
        <source>Text or a document, not encrypted</source>
        <translation>Tekst eller et dokument, ikke krypteret</translation>
    </message>
    <message>
        <source>Not a file Minuta makes</source>
        <translation>Ikke en fil, Minuta opretter</translation>
    </message>
    <message>
        <source>{path} ({kind}, {size})</source>
        <translation>{path} ({kind}, {size})</translation>
    </message>
    <message>
        <source>Files in the data folder that Minuta did not make. Nothing was deleted: look at them, and delete them yourself if they are not needed.</source>
        <translation>Filer i datamappen, som Minuta ikke har oprettet. Intet er slettet: se dem igennem, og slet dem selv, hvis de ikke skal bruges.</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Minuta</source>
        <translation>Om Minuta</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;Om</translation>
    </message>
    <message>
        <source>&amp;Licences</source>
        <translation>L&amp;icenser</translation>
    </message>
    <message>
        <source>Your &amp;Data</source>
        <translation>Dine &amp;data</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Luk</translation>
    </message>
    <message>
        <source>Minuta&apos;s logo</source>
        <translation>Minutas logo</translation>
    </message>
    <message>
        <source>Minuta {version}</source>
        <translation>Minuta {version}</translation>
    </message>
    <message>
        <source>Records your meetings, writes down what was said and keeps your notes.</source>
        <translation>Optager dine møder, skriver ned, hvad der blev sagt, og gemmer dine noter.</translation>
    </message>
    <message>
        <source>Everything stays on this computer; nothing is sent anywhere unless you approve a CRM push.</source>
        <translation>Alt bliver på denne computer; intet sendes nogen steder hen, medmindre du godkender en overførsel til dit CRM.</translation>
    </message>
    <message>
        <source>Python {python} · Qt {qt} · PySide6 {pyside}</source>
        <translation>Python {python} · Qt {qt} · PySide6 {pyside}</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versioner</translation>
    </message>
    <message>
        <source>Components and their licences</source>
        <translation>Komponenter og deres licenser</translation>
    </message>
    <message>
        <source>Open &amp;Website</source>
        <translation>Åbn &amp;websted</translation>
    </message>
    <message>
        <source>Open the component&apos;s website</source>
        <translation>Åbn komponentens websted</translation>
    </message>
    <message>
        <source>Open the selected component&apos;s website in your browser (or double-click it)</source>
        <translation>Åbn den valgte komponents websted i din browser (eller dobbeltklik på den)</translation>
    </message>
    <message>
        <source>Where the full licence texts are</source>
        <translation>Hvor de fulde licenstekster findes</translation>
    </message>
    <message>
        <source>Minuta is built from these components, under these licences.</source>
        <translation>Minuta er bygget af disse komponenter under disse licenser.</translation>
    </message>
    <message>
        <source>Full licence texts are installed with each component.</source>
        <translation>De fulde licenstekster installeres sammen med hver komponent.</translation>
    </message>
    <message>
        <source>The full licence texts are in {folder}</source>
        <translation>De fulde licenstekster findes i {folder}</translation>
    </message>
</context>
<context>
    <name>AskPanel</name>
    <message>
        <source>What did we agree on price?</source>
        <translation>Hvad aftalte vi om prisen?</translation>
    </message>
    <message>
        <source>Question about this meeting</source>
        <translation>Spørgsmål om dette møde</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Spørg</translation>
    </message>
    <message>
        <source>Find the answer in this meeting (Enter)</source>
        <translation>Find svaret i dette møde (Enter)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Stop asking</source>
        <translation>Stop spørgsmålet</translation>
    </message>
    <message>
        <source>Stop looking for an answer (Esc)</source>
        <translation>Hold op med at lede efter et svar (Esc)</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Svar</translation>
    </message>
    <message>
        <source>Where the answer was said</source>
        <translation>Hvor svaret blev sagt</translation>
    </message>
    <message>
        <source>Play the moment this was said</source>
        <translation>Afspil stedet, hvor det blev sagt</translation>
    </message>
    <message>
        <source>&amp;Question:</source>
        <translation>Spø&amp;rgsmål:</translation>
    </message>
    <message>
        <source>Looking through the meeting…</source>
        <translation>Gennemgår mødet…</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Stoppet.</translation>
    </message>
    <message>
        <source>Nothing in this meeting seems to answer that.</source>
        <translation>Intet i dette møde ser ud til at svare på det.</translation>
    </message>
    <message>
        <source>The question could not be answered ({reason}).</source>
        <translation>Spørgsmålet kunne ikke besvares ({reason}).</translation>
    </message>
</context>
<context>
    <name>AudioPlayer</name>
    <message>
        <source>The sound output could not be opened, so nothing can be heard. The transcript still follows along.</source>
        <translation>Lydudgangen kunne ikke åbnes, så der kommer ingen lyd. Transskriptionen følger stadig med.</translation>
    </message>
    <message>
        <source>No sound output was found, so nothing can be heard. The transcript still follows along.</source>
        <translation>Der blev ikke fundet nogen lydudgang, så der kommer ingen lyd. Transskriptionen følger stadig med.</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Audit Log</source>
        <translation>Revisionslog</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Revisionslog</translation>
    </message>
    <message>
        <source>What Minuta did that matters for privacy, newest first. It never holds a word of your meetings. Each entry is chained to the one before, so Verify finds an entry that was changed or removed.</source>
        <translation>Det, Minuta har gjort, som har betydning for privatlivet, nyeste først. Loggen indeholder aldrig et ord fra dine møder. Hver post er kædet sammen med den forrige, så Kontrollér kan finde en post, der er ændret eller fjernet.</translation>
    </message>
    <message>
        <source>Audit log entries</source>
        <translation>Poster i revisionsloggen</translation>
    </message>
    <message>
        <source>Verification result</source>
        <translation>Resultat af kontrollen</translation>
    </message>
    <message>
        <source>Clipboard</source>
        <translation>Udklipsholder</translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>&amp;Kontrollér</translation>
    </message>
    <message>
        <source>Verify the audit log</source>
        <translation>Kontrollér revisionsloggen</translation>
    </message>
    <message>
        <source>Check every entry against the chain (Alt+V)</source>
        <translation>Kontrollér hver post mod kæden (Alt+K)</translation>
    </message>
    <message>
        <source>&amp;Copy Head</source>
        <translation>Kopiér &amp;seneste hash</translation>
    </message>
    <message>
        <source>Copy the head hash</source>
        <translation>Kopiér den seneste hash</translation>
    </message>
    <message>
        <source>Copy the newest entry&apos;s hash, to keep it somewhere else (Alt+C)</source>
        <translation>Kopiér den nyeste posts hash for at gemme den et andet sted (Alt+S)</translation>
    </message>
    <message>
        <source>Checking every entry…</source>
        <translation>Kontrollerer hver post…</translation>
    </message>
    <message>
        <source>Minuta could not read the audit log ({error}).</source>
        <translation>Minuta kunne ikke læse revisionsloggen ({error}).</translation>
    </message>
    <message>
        <source>Copied the head {head}…</source>
        <translation>Kopierede den seneste hash {head}…</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>Approved sending to a CRM</source>
        <translation>Godkendte afsendelse til et CRM</translation>
    </message>
    <message>
        <source>Sent to a CRM</source>
        <translation>Sendte til et CRM</translation>
    </message>
    <message>
        <source>Sending to a CRM failed</source>
        <translation>Afsendelse til et CRM mislykkedes</translation>
    </message>
    <message>
        <source>Sending to a CRM was withdrawn</source>
        <translation>Afsendelse til et CRM blev trukket tilbage</translation>
    </message>
    <message>
        <source>Connected a CRM</source>
        <translation>Tilsluttede et CRM</translation>
    </message>
    <message>
        <source>Disconnected a CRM</source>
        <translation>Afbrød forbindelsen til et CRM</translation>
    </message>
    <message>
        <source>Recorded a meeting</source>
        <translation>Optog et møde</translation>
    </message>
    <message>
        <source>Recording declined: nothing was recorded</source>
        <translation>Optagelse afvist: intet blev optaget</translation>
    </message>
    <message>
        <source>Imported a recording</source>
        <translation>Importerede en optagelse</translation>
    </message>
    <message>
        <source>Exported a meeting</source>
        <translation>Eksporterede et møde</translation>
    </message>
    <message>
        <source>Deleted a meeting</source>
        <translation>Slettede et møde</translation>
    </message>
    <message>
        <source>Deleted a meeting&apos;s audio</source>
        <translation>Slettede lyden fra et møde</translation>
    </message>
    <message>
        <source>Deleted a meeting&apos;s transcript</source>
        <translation>Slettede transskriptionen af et møde</translation>
    </message>
    <message>
        <source>Changed whether a meeting is kept</source>
        <translation>Ændrede, om et møde skal beholdes</translation>
    </message>
    <message>
        <source>Removed old recordings by the rules in Settings</source>
        <translation>Slettede gamle optagelser efter reglerne i Indstillinger</translation>
    </message>
    <message>
        <source>Showed the recovery key</source>
        <translation>Viste gendannelsesnøglen</translation>
    </message>
    <message>
        <source>Gave the store a new key</source>
        <translation>Gav de krypterede data en ny nøgle</translation>
    </message>
    <message>
        <source>Changed a setting</source>
        <translation>Ændrede en indstilling</translation>
    </message>
    <message>
        <source>Exported a person&apos;s data</source>
        <translation>Eksporterede en persons data</translation>
    </message>
    <message>
        <source>Erased a person&apos;s data</source>
        <translation>Slettede en persons data</translation>
    </message>
    <message>
        <source>Entry {entry} was changed after it was written.</source>
        <translation>Post {entry} blev ændret, efter at den blev skrevet.</translation>
    </message>
    <message>
        <source>An entry before entry {entry} was removed, or the chain was re-linked.</source>
        <translation>En post før post {entry} blev fjernet, eller kæden blev sat sammen på ny.</translation>
    </message>
    <message>
        <source>Entry {entry} has no hash: it was added outside Minuta.</source>
        <translation>Post {entry} har ingen hash: den blev tilføjet uden for Minuta.</translation>
    </message>
    <message>
        <source>A head that an export or a push carried is not in the log: entries were cut off the end, or the log was rewritten.</source>
        <translation>En seneste hash, som en eksport eller en forsendelse havde med, findes ikke i loggen: poster er fjernet fra slutningen, eller loggen er skrevet om.</translation>
    </message>
    <message>
        <source>Intact · {count} entries · head {head}</source>
        <translation>Intakt · {count} poster · seneste hash {head}</translation>
    </message>
    <message>
        <source>Not intact · {count} entries · head {head}</source>
        <translation>Ikke intakt · {count} poster · seneste hash {head}</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Hvad der skete</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Møde</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>Connect a CRM</source>
        <translation>Tilslut et CRM</translation>
    </message>
    <message>
        <source>CRM</source>
        <translation>CRM</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Kept in your system keyring, never shown again</source>
        <translation>Gemmes i systemets nøglering og vises aldrig igen</translation>
    </message>
    <message>
        <source>Application ID</source>
        <translation>Applikations-ID</translation>
    </message>
    <message>
        <source>The ID your CRM administrator gave Minuta</source>
        <translation>Det ID, som din CRM-administrator har givet Minuta</translation>
    </message>
    <message>
        <source>Sign-in detail</source>
        <translation>Loginoplysning</translation>
    </message>
    <message>
        <source>Sign in with the &amp;browser</source>
        <translation>Log ind med &amp;browseren</translation>
    </message>
    <message>
        <source>Sign in with the browser</source>
        <translation>Log ind med browseren</translation>
    </message>
    <message>
        <source>&amp;CRM:</source>
        <translation>&amp;CRM:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <source>App&amp;lication ID:</source>
        <translation>App&amp;likations-ID:</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Besked</translation>
    </message>
    <message>
        <source>Co&amp;nnect</source>
        <translation>Tilsl&amp;ut</translation>
    </message>
    <message>
        <source>Connect with this token</source>
        <translation>Tilslut med denne token</translation>
    </message>
    <message>
        <source>Minuta sends each approved push to this address, signed with the secret (Standard Webhooks).</source>
        <translation>Minuta sender alt, hvad du godkender, til denne adresse, signeret med hemmeligheden (Standard Webhooks).</translation>
    </message>
    <message>
        <source>Make a private-app or personal API token in the CRM and paste it here.</source>
        <translation>Opret en token til en privat app eller en personlig API-token i CRM-systemet, og indsæt den her.</translation>
    </message>
    <message>
        <source>Your browser opens the CRM&apos;s sign-in page. Come back here afterwards.</source>
        <translation>Din browser åbner CRM-systemets loginside. Kom tilbage hertil bagefter.</translation>
    </message>
    <message>
        <source>Sign-in &amp;page (optional):</source>
        <translation>Login&amp;side (valgfri):</translation>
    </message>
    <message>
        <source>&amp;Organisation&apos;s tenant (optional):</source>
        <translation>&amp;Organisationens lejer (valgfri):</translation>
    </message>
    <message>
        <source>Customer &amp;ID (optional):</source>
        <translation>Kunde-&amp;ID (valgfrit):</translation>
    </message>
    <message>
        <source>Type the application ID first.</source>
        <translation>Skriv først applikations-ID&apos;et.</translation>
    </message>
    <message>
        <source>Type the address first.</source>
        <translation>Skriv først adressen.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Gemmer…</translation>
    </message>
    <message>
        <source>Waiting for the sign-in in your browser…</source>
        <translation>Venter på, at du logger ind i din browser…</translation>
    </message>
</context>
<context>
    <name>ConnectionsModel</name>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>CRM</source>
        <translation>CRM</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>from the sign-in</source>
        <translation>fra login</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <source>Before you record</source>
        <translation>Før du optager</translation>
    </message>
    <message>
        <source>Does everyone know you are recording?</source>
        <translation>Ved alle, at du optager?</translation>
    </message>
    <message>
        <source>Recording people needs their knowledge, and in many countries their consent. Tell everyone before you start, and record only if they agree. Minuta asks before every recording and keeps your answer with the meeting.</source>
        <translation>Når du optager andre, skal de vide det, og i mange lande skal de også give samtykke. Sig det til alle, før du starter, og optag kun, hvis de siger ja. Minuta spørger før hver optagelse og gemmer dit svar sammen med mødet.</translation>
    </message>
    <message>
        <source>Everyone is &amp;informed and agreed</source>
        <translation>Alle er &amp;informeret og har sagt ja</translation>
    </message>
    <message>
        <source>I&amp;nternal meeting</source>
        <translation>Internt &amp;møde</translation>
    </message>
    <message>
        <source>Someone &amp;declined — don&apos;t record</source>
        <translation>&amp;Nogen har sagt nej — optag ikke</translation>
    </message>
    <message>
        <source>Colleagues only, where your workplace&apos;s own rules on recording apply</source>
        <translation>Kun kolleger, og din arbejdsplads&apos; egne regler for optagelse gælder</translation>
    </message>
    <message>
        <source>That&apos;s fine: nothing will be recorded. You can still write notes by hand.</source>
        <translation>Helt i orden: der bliver ikke optaget noget. Du kan stadig skrive noter selv.</translation>
    </message>
    <message>
        <source>&amp;Close without recording</source>
        <translation>&amp;Luk uden at optage</translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation>&amp;Optag</translation>
    </message>
    <message>
        <source>Start recording</source>
        <translation>Start optagelse</translation>
    </message>
    <message>
        <source>Start recording (Enter)</source>
        <translation>Start optagelse (Enter)</translation>
    </message>
    <message>
        <source>How you told them</source>
        <translation>Hvordan de fik besked</translation>
    </message>
    <message>
        <source>Who was told</source>
        <translation>Hvem der fik besked</translation>
    </message>
    <message>
        <source>Names, separated by commas</source>
        <translation>Navne, adskilt med komma</translation>
    </message>
    <message>
        <source>Kept with the meeting, as its consent record</source>
        <translation>Gemmes sammen med mødet som dets samtykkeregistrering</translation>
    </message>
    <message>
        <source>How did you &amp;tell them?</source>
        <translation>&amp;Hvordan fik de besked?</translation>
    </message>
    <message>
        <source>&amp;Who was told</source>
        <translation>Hvem fik &amp;besked</translation>
    </message>
    <message>
        <source>Say it, or paste it into the call&apos;s chat:</source>
        <translation>Sig det, eller indsæt det i opkaldets chat:</translation>
    </message>
    <message>
        <source>Language of the announcement</source>
        <translation>Sprog for beskeden</translation>
    </message>
    <message>
        <source>Announcement</source>
        <translation>Besked</translation>
    </message>
    <message>
        <source>C&amp;opy</source>
        <translation>&amp;Kopiér</translation>
    </message>
    <message>
        <source>Copy the announcement</source>
        <translation>Kopiér beskeden</translation>
    </message>
    <message>
        <source>Copy it, then paste it into the call&apos;s chat</source>
        <translation>Kopiér den, og indsæt den i opkaldets chat</translation>
    </message>
    <message>
        <source>Copied. Paste it into the call&apos;s chat.</source>
        <translation>Kopieret. Indsæt den i opkaldets chat.</translation>
    </message>
</context>
<context>
    <name>ConsentPage</name>
    <message>
        <source>&amp;Nothing: I choose each time</source>
        <translation>&amp;Ingen: jeg vælger hver gang</translation>
    </message>
    <message>
        <source>Everyone is &amp;informed and agreed</source>
        <translation>Alle er i&amp;nformeret og har sagt ja</translation>
    </message>
    <message>
        <source>Internal &amp;meeting</source>
        <translation>Internt &amp;møde</translation>
    </message>
    <message>
        <source>Before each recording, pre-select this answer:</source>
        <translation>Vælg dette svar på forhånd før hver optagelse:</translation>
    </message>
    <message>
        <source>Minuta still asks before every recording; a pre-selected answer only makes it one press of Enter. Choose it only if it is nearly always true.</source>
        <translation>Minuta spørger stadig før hver optagelse; et forvalgt svar gør det bare til ét tryk på Enter. Vælg det kun, hvis det næsten altid passer.</translation>
    </message>
</context>
<context>
    <name>ConsentText</name>
    <message>
        <source>Everyone informed and agreed</source>
        <translation>Alle informeret og har sagt ja</translation>
    </message>
    <message>
        <source>Internal meeting</source>
        <translation>Internt møde</translation>
    </message>
    <message>
        <source>Someone declined</source>
        <translation>Nogen sagde nej</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Ikke registreret</translation>
    </message>
    <message>
        <source>Said at the start</source>
        <translation>Sagt ved starten</translation>
    </message>
    <message>
        <source>Posted in the call&apos;s chat</source>
        <translation>Skrevet i opkaldets chat</translation>
    </message>
    <message>
        <source>In the meeting invitation</source>
        <translation>I mødeindkaldelsen</translation>
    </message>
    <message>
        <source>By e-mail</source>
        <translation>Via e-mail</translation>
    </message>
    <message>
        <source>In writing</source>
        <translation>Skriftligt</translation>
    </message>
    <message>
        <source>Covered by the workplace&apos;s policy</source>
        <translation>Dækket af arbejdspladsens politik</translation>
    </message>
    <message>
        <source>Not recorded (imported file)</source>
        <translation>Ikke registreret (importeret fil)</translation>
    </message>
    <message>
        <source>{answer} (no details recorded)</source>
        <translation>{answer} (ingen detaljer registreret)</translation>
    </message>
    <message>
        <source>Informed: {names}</source>
        <translation>Informeret: {names}</translation>
    </message>
</context>
<context>
    <name>CrmPage</name>
    <message>
        <source>Connected CRMs</source>
        <translation>Tilsluttede CRM-systemer</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Tilføj…</translation>
    </message>
    <message>
        <source>Connect a CRM</source>
        <translation>Tilslut et CRM</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Fjern</translation>
    </message>
    <message>
        <source>Remove the chosen CRM</source>
        <translation>Fjern det valgte CRM</translation>
    </message>
    <message>
        <source>Also deletes its token from your keyring</source>
        <translation>Sletter også dets token fra din nøglering</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Besked</translation>
    </message>
    <message>
        <source>Minuta sends a meeting to a CRM only when you approve it. Tokens are kept in your system keyring; changes here take effect at once.</source>
        <translation>Minuta sender kun et møde til et CRM, når du godkender det. Tokens gemmes i systemets nøglering; ændringer her gælder med det samme.</translation>
    </message>
    <message>
        <source>{crm} is connected.</source>
        <translation>{crm} er tilsluttet.</translation>
    </message>
    <message>
        <source>Remove a CRM</source>
        <translation>Fjern et CRM</translation>
    </message>
    <message>
        <source>Remove {crm}? Its token is deleted from your keyring.</source>
        <translation>Vil du fjerne {crm}? Dets token slettes fra din nøglering.</translation>
    </message>
    <message>
        <source>&amp;Keep</source>
        <translation>&amp;Behold</translation>
    </message>
    <message>
        <source>{crm} is removed, and its token deleted.</source>
        <translation>{crm} er fjernet, og dets token er slettet.</translation>
    </message>
</context>
<context>
    <name>CrmPushPanel</name>
    <message>
        <source>Send to CRM…</source>
        <translation>Send til CRM…</translation>
    </message>
    <message>
        <source>Send to CRM</source>
        <translation>Send til CRM</translation>
    </message>
    <message>
        <source>Review and send the approved items to your CRM ({keys})</source>
        <translation>Gennemse og send de godkendte punkter til dit CRM ({keys})</translation>
    </message>
    <message>
        <source>Sent to CRM</source>
        <translation>Sendt til CRM</translation>
    </message>
    <message>
        <source>It could not be queued again ({reason}).</source>
        <translation>Den kunne ikke sættes i kø igen ({reason}).</translation>
    </message>
</context>
<context>
    <name>CrmSettingsDialog</name>
    <message>
        <source>CRM Settings</source>
        <translation>CRM-indstillinger</translation>
    </message>
</context>
<context>
    <name>CrmTexts</name>
    <message>
        <source>Decision</source>
        <translation>Beslutning</translation>
    </message>
    <message>
        <source>Action item</source>
        <translation>Opgave</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risiko</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Næste skridt</translation>
    </message>
    <message>
        <source>For the CRM</source>
        <translation>Til CRM</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Virksomhed</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>Handel</translation>
    </message>
    <message>
        <source>E-mail address</source>
        <translation>E-mailadresse</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Telefonnummer</translation>
    </message>
    <message>
        <source>Bank account</source>
        <translation>Bankkonto</translation>
    </message>
    <message>
        <source>Identity number</source>
        <translation>Personnummer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Sensitive topic</source>
        <translation>Følsomt emne</translation>
    </message>
    <message>
        <source>Meeting note</source>
        <translation>Mødenote</translation>
    </message>
    <message>
        <source>Task {number}</source>
        <translation>Opgave {number}</translation>
    </message>
    <message>
        <source>Something went wrong ({error}).</source>
        <translation>Noget gik galt ({error}).</translation>
    </message>
    <message>
        <source>Sent to {crm} on {date}</source>
        <translation>Sendt til {crm} den {date}</translation>
    </message>
    <message>
        <source>Open in {crm}</source>
        <translation>Åbn i {crm}</translation>
    </message>
    <message>
        <source>the CRM refused it</source>
        <translation>CRM-systemet afviste den</translation>
    </message>
    <message>
        <source>Failed: {reason}</source>
        <translation>Mislykkedes: {reason}</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Prøv igen</translation>
    </message>
    <message>
        <source>Queued: waiting to retry at {time}</source>
        <translation>I kø: prøver igen {time}</translation>
    </message>
    <message>
        <source>Sending to {crm}…</source>
        <translation>Sender til {crm}…</translation>
    </message>
    <message>
        <source>Queued for {crm}</source>
        <translation>I kø til {crm}</translation>
    </message>
</context>
<context>
    <name>DataPage</name>
    <message>
        <source>Checking…</source>
        <translation>Tjekker…</translation>
    </message>
    <message>
        <source>Result of the check</source>
        <translation>Resultat af tjekket</translation>
    </message>
    <message>
        <source>Files Minuta did not make</source>
        <translation>Filer, som Minuta ikke har oprettet</translation>
    </message>
    <message>
        <source>Where your data is</source>
        <translation>Hvor dine data er</translation>
    </message>
    <message>
        <source>&amp;Show Folder</source>
        <translation>&amp;Vis mappe</translation>
    </message>
    <message>
        <source>Show the data folder</source>
        <translation>Vis datamappen</translation>
    </message>
    <message>
        <source>Open the data folder in your file manager</source>
        <translation>Åbn datamappen i din filhåndtering</translation>
    </message>
    <message>
        <source>Check &amp;Again</source>
        <translation>Tjek i&amp;gen</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Tjek igen</translation>
    </message>
    <message>
        <source>Read the files again and check that they are encrypted</source>
        <translation>Læs filerne igen, og tjek, at de er krypteret</translation>
    </message>
    <message>
        <source>The check could not be run ({error}). Try again in a moment.</source>
        <translation>Tjekket kunne ikke udføres ({error}). Prøv igen om lidt.</translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message>
        <source>Names, separated by commas</source>
        <translation>Navne, adskilt med komma</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Deltagere</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprog</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Samtykke</translation>
    </message>
    <message>
        <source>Your notes from the meeting</source>
        <translation>Dine noter fra mødet</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Noter</translation>
    </message>
    <message>
        <source>Highlights</source>
        <translation>Markeringer</translation>
    </message>
    <message>
        <source>Click a highlight to play from there</source>
        <translation>Klik på en markering for at afspille derfra</translation>
    </message>
    <message>
        <source>No highlights were marked.</source>
        <translation>Der blev ikke markeret noget.</translation>
    </message>
    <message>
        <source>Partic&amp;ipants</source>
        <translation>&amp;Deltagere</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>N&amp;oter</translation>
    </message>
    <message>
        <source>&amp;Highlights</source>
        <translation>Ma&amp;rkeringer</translation>
    </message>
    <message>
        <source>Keep &amp;this meeting (retention rules skip it)</source>
        <translation>&amp;Behold dette møde (opbevaringsreglerne springer det over)</translation>
    </message>
    <message>
        <source>Keep this meeting</source>
        <translation>Behold dette møde</translation>
    </message>
    <message>
        <source>Its audio and transcript are kept whatever the retention rules say</source>
        <translation>Lyd og transskription beholdes, uanset hvad opbevaringsreglerne siger</translation>
    </message>
    <message>
        <source>Highlight</source>
        <translation>Markering</translation>
    </message>
</context>
<context>
    <name>DevicePickers</name>
    <message>
        <source>Microphone</source>
        <translation>Mikrofon</translation>
    </message>
    <message>
        <source>The microphone you speak into</source>
        <translation>Den mikrofon, du taler i</translation>
    </message>
    <message>
        <source>Call audio</source>
        <translation>Opkaldslyd</translation>
    </message>
    <message>
        <source>What this computer plays: the other people in a Teams, Meet or Zoom call</source>
        <translation>Det, computeren afspiller: de andre i et opkald på Teams, Meet eller Zoom</translation>
    </message>
    <message>
        <source>&amp;Microphone:</source>
        <translation>&amp;Mikrofon:</translation>
    </message>
    <message>
        <source>&amp;Call audio:</source>
        <translation>&amp;Opkaldslyd:</translation>
    </message>
    <message>
        <source>Don&apos;t record call audio (in-person meeting)</source>
        <translation>Optag ikke opkaldslyd (fysisk møde)</translation>
    </message>
    <message>
        <source>Computer&apos;s default ({device})</source>
        <translation>Computerens standard ({device})</translation>
    </message>
    <message>
        <source>Computer&apos;s default</source>
        <translation>Computerens standard</translation>
    </message>
</context>
<context>
    <name>DevicesPage</name>
    <message>
        <source>Microphone</source>
        <translation>Mikrofon</translation>
    </message>
    <message>
        <source>Call audio from</source>
        <translation>Opkaldslyd fra</translation>
    </message>
    <message>
        <source>Record the &amp;call audio too</source>
        <translation>Optag også &amp;lyden fra opkaldet</translation>
    </message>
    <message>
        <source>Record the call audio too</source>
        <translation>Optag også lyden fra opkaldet</translation>
    </message>
    <message>
        <source>What this computer plays: the other people in a Teams, Meet or Zoom call. Turn it off for meetings in a room.</source>
        <translation>Det, computeren afspiller: de andre i et opkald på Teams, Meet eller Zoom. Slå det fra ved møder i et lokale.</translation>
    </message>
    <message>
        <source>Microphone level</source>
        <translation>Mikrofonniveau</translation>
    </message>
    <message>
        <source>Call audio level</source>
        <translation>Niveau for opkaldslyd</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>T&amp;est</translation>
    </message>
    <message>
        <source>Test the devices</source>
        <translation>Test enhederne</translation>
    </message>
    <message>
        <source>Speak, or play a sound: the bars show what Minuta hears (Alt+T)</source>
        <translation>Tal, eller afspil en lyd: søjlerne viser, hvad Minuta hører (Alt+E)</translation>
    </message>
    <message>
        <source>Looking for devices…</source>
        <translation>Leder efter enheder…</translation>
    </message>
    <message>
        <source>&amp;Microphone:</source>
        <translation>&amp;Mikrofon:</translation>
    </message>
    <message>
        <source>Call audio &amp;from:</source>
        <translation>Opkaldslyd &amp;fra:</translation>
    </message>
    <message>
        <source>System default ({name})</source>
        <translation>Systemets standard ({name})</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemets standard</translation>
    </message>
    <message>
        <source>Chosen device (not connected now)</source>
        <translation>Valgt enhed (ikke tilsluttet nu)</translation>
    </message>
    <message>
        <source>Stop &amp;test</source>
        <translation>Stop t&amp;esten</translation>
    </message>
</context>
<context>
    <name>EmailBox</name>
    <message>
        <source>E-mail subject</source>
        <translation>E-mailens emne</translation>
    </message>
    <message>
        <source>E-mail text</source>
        <translation>E-mailens tekst</translation>
    </message>
    <message>
        <source>Cop&amp;y</source>
        <translation>&amp;Kopiér</translation>
    </message>
    <message>
        <source>Copy the e-mail</source>
        <translation>Kopiér e-mailen</translation>
    </message>
    <message>
        <source>Copy the subject and text to paste elsewhere</source>
        <translation>Kopiér emne og tekst for at indsætte dem et andet sted</translation>
    </message>
    <message>
        <source>&amp;Open in mail app</source>
        <translation>Å&amp;bn i mailprogram</translation>
    </message>
    <message>
        <source>Open the e-mail in your mail app</source>
        <translation>Åbn e-mailen i dit mailprogram</translation>
    </message>
    <message>
        <source>Your mail app opens with this e-mail; choose who gets it there</source>
        <translation>Dit mailprogram åbner med denne e-mail; vælg modtagere der</translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation>E&amp;mne:</translation>
    </message>
</context>
<context>
    <name>ExportMenu</name>
    <message>
        <source>Export formats</source>
        <translation>Eksportformater</translation>
    </message>
    <message>
        <source>&amp;Markdown (.md)</source>
        <translation>&amp;Markdown (.md)</translation>
    </message>
    <message>
        <source>Plain &amp;text (.txt)</source>
        <translation>Ren &amp;tekst (.txt)</translation>
    </message>
    <message>
        <source>&amp;Subtitles (.srt)</source>
        <translation>&amp;Undertekster (.srt)</translation>
    </message>
    <message>
        <source>&amp;Web subtitles (.vtt)</source>
        <translation>&amp;Webundertekster (.vtt)</translation>
    </message>
    <message>
        <source>W&amp;ord document (.docx)</source>
        <translation>W&amp;ord-dokument (.docx)</translation>
    </message>
    <message>
        <source>&amp;JSON, with word timings (.json)</source>
        <translation>&amp;JSON med tider for hvert ord (.json)</translation>
    </message>
    <message>
        <source>Export meeting (the file is not encrypted)</source>
        <translation>Eksportér mødet (filen er ikke krypteret)</translation>
    </message>
</context>
<context>
    <name>FinalPassBar</name>
    <message>
        <source>Improving the transcript…</source>
        <translation>Forbedrer transskriptionen…</translation>
    </message>
    <message>
        <source>Transcript progress</source>
        <translation>Transskriptionens fremskridt</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>Ann&amp;uller</translation>
    </message>
    <message>
        <source>Cancel improving the transcript</source>
        <translation>Stop forbedringen af transskriptionen</translation>
    </message>
</context>
<context>
    <name>FinalPassRunner</name>
    <message>
        <source>The full transcript could not be made: the transcription stopped unexpectedly. The recording and the live transcript are kept.</source>
        <translation>Den fulde transskription kunne ikke laves: transskriberingen stoppede uventet. Optagelsen og live-transskriptionen er gemt.</translation>
    </message>
    <message>
        <source>The full transcript could not be made: {reason}</source>
        <translation>Den fulde transskription kunne ikke laves: {reason}</translation>
    </message>
    <message>
        <source>The full transcript could not be made ({problem}). The recording and the live transcript are kept.</source>
        <translation>Den fulde transskription kunne ikke laves ({problem}). Optagelsen og live-transskriptionen er gemt.</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in transcript</source>
        <translation>Find i transskriptionen</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Forrige</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>Forrige resultat (Shift+Enter)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Næste</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>Næste resultat (Enter)</translation>
    </message>
    <message>
        <source>Find result</source>
        <translation>Søgeresultat</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Luk</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Luk (Esc)</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Ingen resultater</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <source>Personal data found</source>
        <translation>Fundne personoplysninger</translation>
    </message>
    <message>
        <source>Redact a&amp;ll</source>
        <translation>Maskér &amp;alle</translation>
    </message>
    <message>
        <source>Redact all personal data</source>
        <translation>Maskér alle personoplysninger</translation>
    </message>
    <message>
        <source>Replace every finding with [redacted]</source>
        <translation>Erstat hvert fund med [redacted]</translation>
    </message>
    <message>
        <source>No personal data found.</source>
        <translation>Ingen personoplysninger fundet.</translation>
    </message>
    <message>
        <source>All personal data found is redacted.</source>
        <translation>Alle fundne personoplysninger er maskeret.</translation>
    </message>
    <message>
        <source>Check these before sending. Redact what should not leave.</source>
        <translation>Tjek dem, før du sender. Maskér det, der ikke må forlade computeren.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Fortryd</translation>
    </message>
    <message>
        <source>Redact</source>
        <translation>Maskér</translation>
    </message>
    <message>
        <source>Send {kind} {text} as it is</source>
        <translation>Send {kind} {text}, som det er</translation>
    </message>
    <message>
        <source>Redact {kind} {text}</source>
        <translation>Maskér {kind} {text}</translation>
    </message>
</context>
<context>
    <name>GlobalHotkey</name>
    <message>
        <source>Global shortcuts are not available on this desktop; use the tray icon instead.</source>
        <translation>Globale genveje virker ikke på dette skrivebord; brug Minuta-ikonet i systembakken i stedet.</translation>
    </message>
    <message>
        <source>{keys} cannot be a global shortcut: use Ctrl, Alt or Super with a key.</source>
        <translation>{keys} kan ikke bruges som global genvej: brug Ctrl, Alt eller Super sammen med en tast.</translation>
    </message>
    <message>
        <source>Minuta could not set up the global shortcut; use the tray icon instead.</source>
        <translation>Minuta kunne ikke oprette den globale genvej; brug Minuta-ikonet i systembakken i stedet.</translation>
    </message>
    <message>
        <source>Your keyboard has no key for {keys}.</source>
        <translation>Dit tastatur har ingen tast til {keys}.</translation>
    </message>
    <message>
        <source>Another program already uses {keys}. Choose other keys.</source>
        <translation>Et andet program bruger allerede {keys}. Vælg andre taster.</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>&amp;Record</source>
        <translation>&amp;Optag</translation>
    </message>
    <message>
        <source>Record a meeting</source>
        <translation>Optag et møde</translation>
    </message>
    <message>
        <source>Start recording a meeting ({keys})</source>
        <translation>Start optagelse af et møde ({keys})</translation>
    </message>
    <message>
        <source>Opening your meetings…</source>
        <translation>Åbner dine møder…</translation>
    </message>
    <message>
        <source>No meetings yet</source>
        <translation>Ingen møder endnu</translation>
    </message>
    <message>
        <source>Press &lt;b&gt;Record&lt;/b&gt; when your next meeting starts, or import a recording with &lt;code&gt;minuta import FILE&lt;/code&gt;.</source>
        <translation>Tryk på &lt;b&gt;Optag&lt;/b&gt;, når dit næste møde starter, eller importér en optagelse med &lt;code&gt;minuta import FIL&lt;/code&gt;.</translation>
    </message>
</context>
<context>
    <name>HotkeyPage</name>
    <message>
        <source>Quick record hotkey</source>
        <translation>Genvejstast til hurtig optagelse</translation>
    </message>
    <message>
        <source>Click, then press the keys you want to use</source>
        <translation>Klik, og tryk så på de taster, du vil bruge</translation>
    </message>
    <message>
        <source>Use &amp;default</source>
        <translation>Brug &amp;standard</translation>
    </message>
    <message>
        <source>Use the default hotkey</source>
        <translation>Brug standardgenvejen</translation>
    </message>
    <message>
        <source>Back to {keys}</source>
        <translation>Tilbage til {keys}</translation>
    </message>
    <message>
        <source>Start &amp;recording:</source>
        <translation>Start &amp;optagelse:</translation>
    </message>
    <message>
        <source>Works from any program while Minuta runs. Minuta still asks about consent before it records. Clear the field to turn the hotkey off.</source>
        <translation>Virker fra alle programmer, mens Minuta kører. Minuta spørger stadig om samtykke, før den optager. Tøm feltet for at slå genvejen fra.</translation>
    </message>
</context>
<context>
    <name>ItemCard</name>
    <message>
        <source>Needs a date</source>
        <translation>Mangler dato</translation>
    </message>
    <message>
        <source>No deadline was said. Edit to add one.</source>
        <translation>Der blev ikke nævnt nogen frist. Redigér for at tilføje en.</translation>
    </message>
    <message>
        <source>Unverified</source>
        <translation>Ikke bekræftet</translation>
    </message>
    <message>
        <source>Play where this was said</source>
        <translation>Afspil, hvor det blev sagt</translation>
    </message>
    <message>
        <source>Play the moment this was said</source>
        <translation>Afspil stedet, hvor det blev sagt</translation>
    </message>
    <message>
        <source>Appro&amp;ve</source>
        <translation>G&amp;odkend</translation>
    </message>
    <message>
        <source>Approve this item</source>
        <translation>Godkend dette punkt</translation>
    </message>
    <message>
        <source>Ed&amp;it…</source>
        <translation>Red&amp;igér…</translation>
    </message>
    <message>
        <source>Edit this item</source>
        <translation>Redigér dette punkt</translation>
    </message>
    <message>
        <source>no one yet</source>
        <translation>ingen endnu</translation>
    </message>
    <message>
        <source>Owner: {name}</source>
        <translation>Ansvarlig: {name}</translation>
    </message>
    <message>
        <source>Due {date}</source>
        <translation>Frist {date}</translation>
    </message>
</context>
<context>
    <name>ItemEditor</name>
    <message>
        <source>Edit item</source>
        <translation>Redigér punkt</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Tekst</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Ansvarlig</translation>
    </message>
    <message>
        <source>Who does it</source>
        <translation>Hvem gør det</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>&amp;No date</source>
        <translation>&amp;Ingen dato</translation>
    </message>
    <message>
        <source>No due date</source>
        <translation>Ingen frist</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>&amp;Tekst:</translation>
    </message>
    <message>
        <source>&amp;Owner:</source>
        <translation>&amp;Ansvarlig:</translation>
    </message>
    <message>
        <source>&amp;Due:</source>
        <translation>&amp;Frist:</translation>
    </message>
    <message>
        <source>A changed item needs to be approved again.</source>
        <translation>Et ændret punkt skal godkendes igen.</translation>
    </message>
</context>
<context>
    <name>ItemsChooser</name>
    <message>
        <source>What to send</source>
        <translation>Hvad der sendes</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumé</translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <source>Detect automatically</source>
        <translation>Genkend automatisk</translation>
    </message>
    <message>
        <source>Several languages in one meeting</source>
        <translation>Flere sprog i samme møde</translation>
    </message>
    <message>
        <source>Meeting language</source>
        <translation>Mødesprog</translation>
    </message>
    <message>
        <source>Meetings are &amp;in:</source>
        <translation>Møderne foregår &amp;på:</translation>
    </message>
    <message>
        <source>Choosing the language you usually meet in makes transcripts more accurate and lets Minuta suggest the best model for it. You can still change it for a single meeting.</source>
        <translation>Når du vælger det sprog, dine møder oftest foregår på, bliver transskriptionerne mere præcise, og Minuta kan foreslå den bedste model til det. Du kan stadig ændre det for et enkelt møde.</translation>
    </message>
</context>
<context>
    <name>LeftMachine</name>
    <message>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation>Ren tekst</translation>
    </message>
    <message>
        <source>SRT subtitles</source>
        <translation>SRT-undertekster</translation>
    </message>
    <message>
        <source>WebVTT subtitles</source>
        <translation>WebVTT-undertekster</translation>
    </message>
    <message>
        <source>Word document</source>
        <translation>Word-dokument</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Web page</source>
        <translation>Webside</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>Skrevet</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Sendt</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>Venter på at blive sendt</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Sender</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Mislykkedes</translation>
    </message>
    <message>
        <source>Withdrawn, not sent</source>
        <translation>Trukket tilbage, ikke sendt</translation>
    </message>
    <message>
        <source>To CRM: {crm}</source>
        <translation>Til CRM: {crm}</translation>
    </message>
    <message>
        <source>Export of a person&apos;s data: {format}</source>
        <translation>Eksport af en persons data: {format}</translation>
    </message>
    <message>
        <source>Export: {format}</source>
        <translation>Eksport: {format}</translation>
    </message>
    <message>
        <source>Printed in a terminal</source>
        <translation>Vist i en terminal</translation>
    </message>
    <message>
        <source>{size} KB</source>
        <translation>{size} KB</translation>
    </message>
    <message>
        <source>No record made yet</source>
        <translation>Ingen post oprettet endnu</translation>
    </message>
    <message>
        <source>1 record</source>
        <translation>1 post</translation>
    </message>
    <message>
        <source>{count} records</source>
        <translation>{count} poster</translation>
    </message>
    <message>
        <source>{format}, {size} KB, SHA-256 {digest}</source>
        <translation>{format}, {size} KB, SHA-256 {digest}</translation>
    </message>
    <message>
        <source>SHA-256 of what went: {digest}</source>
        <translation>SHA-256 af det, der forlod computeren: {digest}</translation>
    </message>
    <message>
        <source>Audit log head it carried: {head}</source>
        <translation>Revisionsloggens seneste hash, som den havde med: {head}</translation>
    </message>
    <message>
        <source>Records made:</source>
        <translation>Oprettede poster:</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Hvornår</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Hvad</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Hvor</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Records or size</source>
        <translation>Poster eller størrelse</translation>
    </message>
</context>
<context>
    <name>LeftMachineDialog</name>
    <message>
        <source>What Left This Machine</source>
        <translation>Hvad der har forladt computeren</translation>
    </message>
    <message>
        <source>What left this machine</source>
        <translation>Hvad der har forladt computeren</translation>
    </message>
    <message>
        <source>Every push to a CRM and every export, newest first. Select one to see exactly what went.</source>
        <translation>Hver forsendelse til et CRM og hver eksport, nyeste først. Vælg en for at se præcis, hvad der forlod computeren.</translation>
    </message>
    <message>
        <source>Nothing has left this computer yet.</source>
        <translation>Intet har forladt denne computer endnu.</translation>
    </message>
    <message>
        <source>Pushes and exports</source>
        <translation>Forsendelser og eksporter</translation>
    </message>
    <message>
        <source>Fingerprint, audit head and records</source>
        <translation>Fingeraftryk, revisionsloggens seneste hash og poster</translation>
    </message>
    <message>
        <source>Select a push or an export to see what went.</source>
        <translation>Vælg en forsendelse eller en eksport for at se, hvad der forlod computeren.</translation>
    </message>
    <message>
        <source>The requests that were approved</source>
        <translation>De godkendte anmodninger</translation>
    </message>
    <message>
        <source>The exported file&apos;s content</source>
        <translation>Den eksporterede fils indhold</translation>
    </message>
    <message>
        <source>Minuta could not read this ({error}).</source>
        <translation>Minuta kunne ikke læse dette ({error}).</translation>
    </message>
</context>
<context>
    <name>LevelMeter</name>
    <message>
        <source>Silent</source>
        <translation>Stille</translation>
    </message>
    <message>
        <source>Sound arrives</source>
        <translation>Der kommer lyd</translation>
    </message>
    <message>
        <source>Loud</source>
        <translation>Højt</translation>
    </message>
    <message>
        <source>Too loud</source>
        <translation>For højt</translation>
    </message>
</context>
<context>
    <name>LevelProbe</name>
    <message>
        <source>The chosen microphone is not connected.</source>
        <translation>Den valgte mikrofon er ikke tilsluttet.</translation>
    </message>
    <message>
        <source>The chosen output is not connected.</source>
        <translation>Den valgte lydudgang er ikke tilsluttet.</translation>
    </message>
</context>
<context>
    <name>Licences</name>
    <message>
        <source>The language Minuta is written in</source>
        <translation>Sproget, Minuta er skrevet i</translation>
    </message>
    <message>
        <source>Windows, buttons and everything else on screen</source>
        <translation>Vinduer, knapper og alt andet på skærmen</translation>
    </message>
    <message>
        <source>Qt&apos;s libraries are linked dynamically: you can replace them with your own build of the same Qt version.</source>
        <translation>Bibliotekerne i Qt er linket dynamisk: du kan erstatte dem med din egen kompilering af samme Qt-version.</translation>
    </message>
    <message>
        <source>Lets Minuta use Qt from Python</source>
        <translation>Lader Minuta bruge Qt fra Python</translation>
    </message>
    <message>
        <source>Offered under the LGPL 3.0, GPL 2.0 or GPL 3.0; Minuta uses it under the LGPL 3.0.</source>
        <translation>Tilbydes under LGPL 3.0, GPL 2.0 eller GPL 3.0; Minuta bruger den under LGPL 3.0.</translation>
    </message>
    <message>
        <source>Turns speech into text</source>
        <translation>Gør tale til tekst</translation>
    </message>
    <message>
        <source>Finds the parts of a recording where someone speaks</source>
        <translation>Finder de dele af en optagelse, hvor nogen taler</translation>
    </message>
    <message>
        <source>Runs the speech model quickly on this computer</source>
        <translation>Kører talemodellen hurtigt på denne computer</translation>
    </message>
    <message>
        <source>The speech model that comes with Minuta</source>
        <translation>Talemodellen, der følger med Minuta</translation>
    </message>
    <message>
        <source>Model weights by OpenAI, converted for CTranslate2.</source>
        <translation>Modelvægte fra OpenAI, konverteret til CTranslate2.</translation>
    </message>
    <message>
        <source>Splits text into the pieces the speech model reads</source>
        <translation>Deler tekst op i de stykker, talemodellen læser</translation>
    </message>
    <message>
        <source>Used by faster-whisper and Tokenizers</source>
        <translation>Bruges af faster-whisper og Tokenizers</translation>
    </message>
    <message>
        <source>Runs the voice detection model</source>
        <translation>Kører modellen, der finder tale</translation>
    </message>
    <message>
        <source>Reads model files for ONNX Runtime</source>
        <translation>Læser modelfiler til ONNX Runtime</translation>
    </message>
    <message>
        <source>Reads the audio and video files you import</source>
        <translation>Læser de lyd- og videofiler, du importerer</translation>
    </message>
    <message>
        <source>Decodes audio and video formats</source>
        <translation>Afkoder lyd- og videoformater</translation>
    </message>
    <message>
        <source>Shared libraries that you can replace with your own build.</source>
        <translation>Delte biblioteker, som du kan erstatte med din egen kompilering.</translation>
    </message>
    <message>
        <source>Video encoders included in PyAV&apos;s FFmpeg; Minuta does not use them</source>
        <translation>Videoindkodere i den FFmpeg, der følger med PyAV; Minuta bruger dem ikke</translation>
    </message>
    <message>
        <source>Linked into FFmpeg&apos;s video library as PyAV ships it.</source>
        <translation>Linket ind i FFmpegs videobibliotek, sådan som PyAV leverer det.</translation>
    </message>
    <message>
        <source>dav1d, Opus, libvpx, WebP, SVT-AV1, LAME, opencore-amr, GnuTLS, Nettle, GMP, libunistring, libvpl, libxcb, libdrm and ALSA, used by FFmpeg</source>
        <translation>dav1d, Opus, libvpx, WebP, SVT-AV1, LAME, opencore-amr, GnuTLS, Nettle, GMP, libunistring, libvpl, libxcb, libdrm og ALSA, som bruges af FFmpeg</translation>
    </message>
    <message>
        <source>Converts audio to the speech model&apos;s sample rate</source>
        <translation>Konverterer lyd til talemodellens samplingsfrekvens</translation>
    </message>
    <message>
        <source>libsoxr is built into soxr&apos;s extension module, a separate file you can replace; it includes PFFFT, under a BSD-style licence.</source>
        <translation>libsoxr er bygget ind i udvidelsesmodulet i soxr, en separat fil, du kan erstatte; den indeholder PFFFT under en BSD-lignende licens.</translation>
    </message>
    <message>
        <source>Plays meetings back</source>
        <translation>Afspiller møder</translation>
    </message>
    <message>
        <source>Talks to the sound card for playback</source>
        <translation>Kommunikerer med lydkortet ved afspilning</translation>
    </message>
    <message>
        <source>Inside sounddevice on Windows and macOS; on Linux, the system&apos;s copy.</source>
        <translation>Indbygget i sounddevice på Windows og macOS; på Linux bruges systemets kopi.</translation>
    </message>
    <message>
        <source>Records your microphone and the computer&apos;s sound</source>
        <translation>Optager din mikrofon og computerens lyd</translation>
    </message>
    <message>
        <source>Lists microphones and speakers</source>
        <translation>Viser mikrofoner og højttalere</translation>
    </message>
    <message>
        <source>The global record shortcut</source>
        <translation>Den globale genvej til optagelse</translation>
    </message>
    <message>
        <source>Used by python-xlib</source>
        <translation>Bruges af python-xlib</translation>
    </message>
    <message>
        <source>Works with audio as numbers</source>
        <translation>Arbejder med lyd som tal</translation>
    </message>
    <message>
        <source>Tells speakers apart</source>
        <translation>Skelner mellem talere</translation>
    </message>
    <message>
        <source>Fast maths for NumPy and SciPy</source>
        <translation>Hurtig matematik til NumPy og SciPy</translation>
    </message>
    <message>
        <source>libgfortran, libquadmath and libgomp, used by NumPy, SciPy and CTranslate2</source>
        <translation>libgfortran, libquadmath og libgomp, som bruges af NumPy, SciPy og CTranslate2</translation>
    </message>
    <message>
        <source>Keeps maths on one thread where that is faster</source>
        <translation>Holder beregninger på én tråd, hvor det er hurtigere</translation>
    </message>
    <message>
        <source>Encrypts the database</source>
        <translation>Krypterer databasen</translation>
    </message>
    <message>
        <source>By Zetetic LLC.</source>
        <translation>Fra Zetetic LLC.</translation>
    </message>
    <message>
        <source>The database</source>
        <translation>Databasen</translation>
    </message>
    <message>
        <source>In the public domain.</source>
        <translation>Fri af ophavsret.</translation>
    </message>
    <message>
        <source>Connects Minuta to SQLCipher</source>
        <translation>Forbinder Minuta med SQLCipher</translation>
    </message>
    <message>
        <source>The encryption inside SQLCipher and cryptography</source>
        <translation>Krypteringen i SQLCipher og cryptography</translation>
    </message>
    <message>
        <source>Encrypts audio and protects the store&apos;s key</source>
        <translation>Krypterer lyd og beskytter datalagerets nøgle</translation>
    </message>
    <message>
        <source>Lets Python call libraries written in C</source>
        <translation>Lader Python kalde biblioteker skrevet i C</translation>
    </message>
    <message>
        <source>Used by CFFI</source>
        <translation>Bruges af CFFI</translation>
    </message>
    <message>
        <source>Keeps the store&apos;s key in your system keyring</source>
        <translation>Opbevarer datalagerets nøgle i systemets nøglering</translation>
    </message>
    <message>
        <source>jaraco.classes, jaraco.context, jaraco.functools, more-itertools, zipp and backports.tarfile, used by keyring</source>
        <translation>jaraco.classes, jaraco.context, jaraco.functools, more-itertools, zipp og backports.tarfile, som bruges af keyring</translation>
    </message>
    <message>
        <source>Used by keyring</source>
        <translation>Bruges af keyring</translation>
    </message>
    <message>
        <source>Talks to the system keyring on Linux</source>
        <translation>Kommunikerer med systemets nøglering på Linux</translation>
    </message>
    <message>
        <source>Used by SecretStorage to reach the keyring</source>
        <translation>Bruges af SecretStorage til at nå nøgleringen</translation>
    </message>
    <message>
        <source>Finds where Minuta keeps its files</source>
        <translation>Finder ud af, hvor Minuta gemmer sine filer</translation>
    </message>
    <message>
        <source>Talks to a language model on this computer, and to your CRM when you approve a push</source>
        <translation>Kommunikerer med en sprogmodel på denne computer og med dit CRM, når du godkender en overførsel</translation>
    </message>
    <message>
        <source>Used by HTTPX</source>
        <translation>Bruges af HTTPX</translation>
    </message>
    <message>
        <source>Used by HTTPX for international web addresses</source>
        <translation>Bruges af HTTPX til internationale webadresser</translation>
    </message>
    <message>
        <source>Mozilla&apos;s list of trusted certificates, for HTTPX</source>
        <translation>Mozillas liste over betroede certifikater, til HTTPX</translation>
    </message>
    <message>
        <source>Used by Hugging Face Hub</source>
        <translation>Bruges af Hugging Face Hub</translation>
    </message>
    <message>
        <source>Used by CTranslate2 and Hugging Face Hub</source>
        <translation>Bruges af CTranslate2 og Hugging Face Hub</translation>
    </message>
    <message>
        <source>Used by faster-whisper</source>
        <translation>Bruges af faster-whisper</translation>
    </message>
    <message>
        <source>Used by ONNX Runtime and Hugging Face Hub</source>
        <translation>Bruges af ONNX Runtime og Hugging Face Hub</translation>
    </message>
    <message>
        <source>Used by several of the libraries above</source>
        <translation>Bruges af flere af bibliotekerne ovenfor</translation>
    </message>
    <message>
        <source>Starts the installed Minuta</source>
        <translation>Starter det installerede Minuta</translation>
    </message>
    <message>
        <source>The exception allows it to start programs under any licence.</source>
        <translation>Undtagelsen tillader, at den starter programmer under enhver licens.</translation>
    </message>
</context>
<context>
    <name>LicencesModel</name>
    <message>
        <source>Public domain</source>
        <translation>Fri af ophavsret</translation>
    </message>
    <message>
        <source>Comes inside: {names}</source>
        <translation>Indeholder: {names}</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Komponent</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licens</translation>
    </message>
    <message>
        <source>Used for</source>
        <translation>Bruges til</translation>
    </message>
</context>
<context>
    <name>LiveTranscriptModel</name>
    <message>
        <source>me</source>
        <translation>mig</translation>
    </message>
    <message>
        <source>them</source>
        <translation>de andre</translation>
    </message>
    <message>
        <source>speaker</source>
        <translation>taler</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Encrypted on this computer · unlocked with your passphrase</source>
        <translation>Krypteret på denne computer · låst op med din adgangssætning</translation>
    </message>
    <message>
        <source>Encrypted on this computer · key kept in your {location}</source>
        <translation>Krypteret på denne computer · nøglen ligger i {location}</translation>
    </message>
    <message>
        <source>Quit Minuta?</source>
        <translation>Vil du afslutte Minuta?</translation>
    </message>
    <message>
        <source>A recording is running.</source>
        <translation>Der er en optagelse i gang.</translation>
    </message>
    <message>
        <source>Quitting stops the recording. Everything recorded so far is kept.</source>
        <translation>Hvis du afslutter, stopper optagelsen. Alt, hvad der er optaget indtil nu, bliver gemt.</translation>
    </message>
    <message>
        <source>&amp;Stop and Quit</source>
        <translation>&amp;Stop og afslut</translation>
    </message>
    <message>
        <source>&amp;Keep Recording</source>
        <translation>&amp;Fortsæt optagelsen</translation>
    </message>
    <message>
        <source>New &amp;Recording</source>
        <translation>&amp;Ny optagelse</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Indstillinger…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afslut</translation>
    </message>
    <message>
        <source>&amp;Search Meetings</source>
        <translation>&amp;Søg i møder</translation>
    </message>
    <message>
        <source>&amp;Reload Meetings</source>
        <translation>&amp;Genindlæs møder</translation>
    </message>
    <message>
        <source>&amp;Back to Meetings</source>
        <translation>&amp;Tilbage til møderne</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Filer</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Vis</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjælp</translation>
    </message>
    <message>
        <source>&amp;About Minuta</source>
        <translation>&amp;Om Minuta</translation>
    </message>
    <message>
        <source>1 meeting</source>
        <translation>1 møde</translation>
    </message>
    <message>
        <source>{count} meetings</source>
        <translation>{count} møder</translation>
    </message>
    <message>
        <source>Minuta could not list your meetings ({error}).</source>
        <translation>Minuta kunne ikke vise dine møder ({error}).</translation>
    </message>
</context>
<context>
    <name>MeetingActions</name>
    <message>
        <source>Exported to {path}. This copy is not encrypted.</source>
        <translation>Eksporteret til {path}. Denne kopi er ikke krypteret.</translation>
    </message>
    <message>
        <source>The export failed ({reason}).</source>
        <translation>Eksporten mislykkedes ({reason}).</translation>
    </message>
    <message>
        <source>Delete meeting</source>
        <translation>Slet møde</translation>
    </message>
    <message>
        <source>Delete “{title}” from {date}? Its transcript, notes and audio are removed for good.</source>
        <translation>Vil du slette “{title}” fra {date}? Transskription, noter og lyd bliver slettet for altid.</translation>
    </message>
    <message>
        <source>The meeting could not be deleted ({reason}).</source>
        <translation>Mødet kunne ikke slettes ({reason}).</translation>
    </message>
</context>
<context>
    <name>MeetingHeader</name>
    <message>
        <source>&amp;Meetings</source>
        <translation>&amp;Møder</translation>
    </message>
    <message>
        <source>Back to the meetings (Alt+Left)</source>
        <translation>Tilbage til møderne (Alt+Venstre)</translation>
    </message>
    <message>
        <source>Back to the meetings</source>
        <translation>Tilbage til møderne</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Click to change the title</source>
        <translation>Klik for at ændre titlen</translation>
    </message>
    <message>
        <source>Fi&amp;nd</source>
        <translation>Fi&amp;nd</translation>
    </message>
    <message>
        <source>Find in the transcript (Ctrl+F)</source>
        <translation>Find i transskriptionen (Ctrl+F)</translation>
    </message>
    <message>
        <source>Find in the transcript</source>
        <translation>Find i transskriptionen</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>&amp;Eksportér…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Eksportér</translation>
    </message>
    <message>
        <source>Save a copy as a document or subtitles</source>
        <translation>Gem en kopi som dokument eller undertekster</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Slet…</translation>
    </message>
    <message>
        <source>Delete meeting</source>
        <translation>Slet møde</translation>
    </message>
</context>
<context>
    <name>MeetingView</name>
    <message>
        <source>Date and length</source>
        <translation>Dato og varighed</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Besked</translation>
    </message>
    <message>
        <source>Loading audio…</source>
        <translation>Indlæser lyd…</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumé</translation>
    </message>
    <message>
        <source>The transcript of this meeting was deleted on {date}.</source>
        <translation>Transskriptionen af dette møde blev slettet den {date}.</translation>
    </message>
    <message>
        <source>This meeting could not be opened ({reason}).</source>
        <translation>Mødet kunne ikke åbnes ({reason}).</translation>
    </message>
    <message>
        <source>The audio of this meeting was deleted on {date}.</source>
        <translation>Lyden fra dette møde blev slettet den {date}.</translation>
    </message>
    <message>
        <source>This meeting has no audio.</source>
        <translation>Mødet har ingen lyd.</translation>
    </message>
    <message>
        <source>The audio could not be loaded ({reason}). The transcript is still here.</source>
        <translation>Lyden kunne ikke indlæses ({reason}). Transskriptionen er her stadig.</translation>
    </message>
    <message>
        <source>Your change could not be saved ({reason}).</source>
        <translation>Din ændring kunne ikke gemmes ({reason}).</translation>
    </message>
</context>
<context>
    <name>MeetingsModel</name>
    <message>
        <source>Untitled meeting</source>
        <translation>Møde uden titel</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Optager</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>Behandles</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Klar</translation>
    </message>
    <message>
        <source>Sent to CRM</source>
        <translation>Sendt til CRM</translation>
    </message>
    <message>
        <source>Under a minute</source>
        <translation>Under et minut</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} t</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} t {minutes} min</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>I dag</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>I går</translation>
    </message>
    <message>
        <source>not detected yet</source>
        <translation>ikke genkendt endnu</translation>
    </message>
    <message>
        <source>Language: {language}</source>
        <translation>Sprog: {language}</translation>
    </message>
</context>
<context>
    <name>MeetingsView</name>
    <message>
        <source>Meetings</source>
        <translation>Møder</translation>
    </message>
</context>
<context>
    <name>ModelDownload</name>
    <message>
        <source>Minuta could not reach the model server. Check the network connection and try again. The built-in model keeps working offline.</source>
        <translation>Minuta kunne ikke få forbindelse til modelserveren. Tjek netværksforbindelsen, og prøv igen. Den indbyggede model virker stadig uden internet.</translation>
    </message>
    <message>
        <source>The connection was lost. Download again to continue where it stopped.</source>
        <translation>Forbindelsen blev afbrudt. Download igen for at fortsætte, hvor den stoppede.</translation>
    </message>
    <message>
        <source>A downloaded file was damaged and has been deleted. Download again to fetch it afresh.</source>
        <translation>En downloadet fil var beskadiget og er blevet slettet. Download igen for at hente den på ny.</translation>
    </message>
    <message>
        <source>The download failed ({error}).</source>
        <translation>Download mislykkedes ({error}).</translation>
    </message>
</context>
<context>
    <name>ModelListModel</name>
    <message>
        <source>your own model folder: {path}</source>
        <translation>din egen modelmappe: {path}</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Størrelse</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Sprog</translation>
    </message>
    <message>
        <source>On this computer</source>
        <translation>På denne computer</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Bemærkning</translation>
    </message>
    <message>
        <source>{size} MB</source>
        <translation>{size} MB</translation>
    </message>
    <message>
        <source>Built in, works offline</source>
        <translation>Indbygget, virker uden internet</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>Not downloaded</source>
        <translation>Ikke downloadet</translation>
    </message>
    <message>
        <source>Recommended for {language}</source>
        <translation>Anbefalet til {language}</translation>
    </message>
    <message>
        <source>Recommended</source>
        <translation>Anbefalet</translation>
    </message>
</context>
<context>
    <name>ModelPage</name>
    <message>
        <source>The built-in model works offline from the start. Other models are downloaded only when you ask, and then run on this computer too.</source>
        <translation>Den indbyggede model virker uden internet fra start. Andre modeller downloades kun, når du beder om det, og kører så også på denne computer.</translation>
    </message>
    <message>
        <source>Transcription models</source>
        <translation>Transskriptionsmodeller</translation>
    </message>
    <message>
        <source>Use the &amp;suggestion</source>
        <translation>Brug &amp;forslaget</translation>
    </message>
    <message>
        <source>Use the suggested model</source>
        <translation>Brug den foreslåede model</translation>
    </message>
    <message>
        <source>&amp;Download</source>
        <translation>&amp;Download</translation>
    </message>
    <message>
        <source>Download the selected model</source>
        <translation>Download den valgte model</translation>
    </message>
    <message>
        <source>&amp;Cancel download</source>
        <translation>&amp;Annuller download</translation>
    </message>
    <message>
        <source>Cancel the download</source>
        <translation>Annuller download</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>Downloadens fremskridt</translation>
    </message>
    <message>
        <source>Looking at this computer…</source>
        <translation>Undersøger computeren…</translation>
    </message>
    <message>
        <source>Suggested for {language} on this computer: {model}</source>
        <translation>Forslag til {language} på denne computer: {model}</translation>
    </message>
    <message>
        <source>Suggested on this computer: {model}</source>
        <translation>Forslag til denne computer: {model}</translation>
    </message>
    <message>
        <source>Downloading {name}… Closing this window stops it; downloading again continues where it stopped.</source>
        <translation>Downloader {name}… Hvis du lukker vinduet, stopper det; downloader du igen, fortsætter det, hvor det stoppede.</translation>
    </message>
    <message>
        <source>{name} is not on this computer yet ({size} MB).</source>
        <translation>{name} er ikke på denne computer endnu ({size} MB).</translation>
    </message>
    <message>
        <source>Stopping the download…</source>
        <translation>Stopper download…</translation>
    </message>
    <message>
        <source>{done:.0f} of {total:.0f} MB</source>
        <translation>{done:.0f} af {total:.0f} MB</translation>
    </message>
    <message>
        <source>Download stopped. What arrived is kept: downloading again continues from there.</source>
        <translation>Download stoppet. Det, der nåede at komme, er gemt: downloader du igen, fortsætter det derfra.</translation>
    </message>
</context>
<context>
    <name>NamePage</name>
    <message>
        <source>Optional</source>
        <translation>Valgfrit</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Dit navn</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Dit &amp;navn:</translation>
    </message>
    <message>
        <source>Transcripts show it for what you say, instead of “me”. It stays in Minuta&apos;s encrypted store on this computer.</source>
        <translation>Transskriptioner viser dit navn ved det, du siger, i stedet for “mig”. Det gemmes krypteret i Minuta på denne computer.</translation>
    </message>
</context>
<context>
    <name>OwnersView</name>
    <message>
        <source>Task owners in the CRM</source>
        <translation>Ansvarlige for opgaverne i CRM-systemet</translation>
    </message>
    <message>
        <source>{name} (matched in the CRM)</source>
        <translation>{name} (fundet i CRM-systemet)</translation>
    </message>
    <message>
        <source>{name}: not found, so the CRM&apos;s default owner</source>
        <translation>{name}: ikke fundet, så standardansvarlig i CRM-systemet</translation>
    </message>
    <message>
        <source>no owner named, so the CRM&apos;s default owner</source>
        <translation>ingen ansvarlig angivet, så standardansvarlig i CRM-systemet</translation>
    </message>
</context>
<context>
    <name>PayloadView</name>
    <message>
        <source>What will be sent</source>
        <translation>Det, der bliver sendt</translation>
    </message>
    <message>
        <source>Fingerprint of what you approve</source>
        <translation>Fingeraftryk af det, du godkender</translation>
    </message>
    <message>
        <source>Minuta adds your sign-in (or the webhook&apos;s signature) when it sends. It is never shown or stored with the push.</source>
        <translation>Minuta tilføjer dit login (eller webhookens signatur), når den sender. Det vises aldrig og gemmes ikke sammen med forsendelsen.</translation>
    </message>
    <message>
        <source>Fingerprint (SHA-256) of what you approve: {digest}</source>
        <translation>Fingeraftryk (SHA-256) af det, du godkender: {digest}</translation>
    </message>
    <message>
        <source>{number} of {total}: {record}</source>
        <translation>{number} af {total}: {record}</translation>
    </message>
    <message>
        <source>Request {number}: address and headers</source>
        <translation>Anmodning {number}: adresse og headere</translation>
    </message>
    <message>
        <source>Request {number}: content</source>
        <translation>Anmodning {number}: indhold</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>• {count} meetings: their name in titles, notes and highlights becomes {marker}</source>
        <translation>• {count} møder: personens navn i titler, noter og markeringer bliver til {marker}</translation>
    </message>
    <message>
        <source>• They are removed from participant lists and speaker names</source>
        <translation>• Personen fjernes fra deltagerlister og talernavne</translation>
    </message>
    <message>
        <source>• {spoken} transcript lines they said are deleted; {other} lines about them have their name replaced</source>
        <translation>• {spoken} linjer i transskriptionen, som personen sagde, slettes; i {other} linjer om personen erstattes navnet</translation>
    </message>
    <message>
        <source>• In participant lists and speaker names they become {marker}; {count} transcript lines are kept, with their name replaced</source>
        <translation>• I deltagerlister og talernavne bliver personen til {marker}; {count} linjer i transskriptionen beholdes, med navnet erstattet</translation>
    </message>
    <message>
        <source>• {count} summary items and drafts: their name is replaced</source>
        <translation>• {count} punkter og udkast i resuméer: navnet erstattes</translation>
    </message>
    <message>
        <source>• Their voice is forgotten in those meetings</source>
        <translation>• Personens stemme glemmes i de møder</translation>
    </message>
    <message>
        <source>• {count} entries of the export log are deleted</source>
        <translation>• {count} poster i eksportloggen slettes</translation>
    </message>
    <message>
        <source>• {count} CRM pushes: Minuta&apos;s copy is redacted and {unsent} not yet sent are withdrawn. What is already in the CRM is not changed: follow it up there.</source>
        <translation>• {count} forsendelser til CRM: Minutas kopi maskeres, og {unsent}, der endnu ikke er sendt, trækkes tilbage. Det, der allerede er i CRM-systemet, ændres ikke: følg op på det der.</translation>
    </message>
    <message>
        <source>A Person&apos;s Data</source>
        <translation>En persons data</translation>
    </message>
    <message>
        <source>A person&apos;s data</source>
        <translation>En persons data</translation>
    </message>
    <message>
        <source>Find everything Minuta holds about one person, by name or e-mail address: meetings, transcripts, summaries, what was sent to a CRM and exports. Then export it for them, or redact or erase it.</source>
        <translation>Find alt, hvad Minuta har om en person, ud fra navn eller e-mailadresse: møder, transskriptioner, resuméer, hvad der er sendt til et CRM, og eksporter. Eksportér det derefter til personen, eller maskér eller slet det.</translation>
    </message>
    <message>
        <source>Name or e-mail address</source>
        <translation>Navn eller e-mailadresse</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <source>Find everything about this person (Enter)</source>
        <translation>Find alt om denne person (Enter)</translation>
    </message>
    <message>
        <source>What was found</source>
        <translation>Det, der blev fundet</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Besked</translation>
    </message>
    <message>
        <source>In your CRM (change or delete these there):</source>
        <translation>I dit CRM (ret eller slet dem der):</translation>
    </message>
    <message>
        <source>CRM records to follow up</source>
        <translation>CRM-poster, der skal følges op</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Eksportér…</translation>
    </message>
    <message>
        <source>Write everything found as JSON and a web page</source>
        <translation>Skriv alt fundet som JSON og en webside</translation>
    </message>
    <message>
        <source>Re&amp;dact…</source>
        <translation>&amp;Maskér…</translation>
    </message>
    <message>
        <source>Replace their name everywhere; keep what they said</source>
        <translation>Erstat personens navn overalt; behold det, personen sagde</translation>
    </message>
    <message>
        <source>Er&amp;ase…</source>
        <translation>S&amp;let…</translation>
    </message>
    <message>
        <source>Remove them and what they said everywhere</source>
        <translation>Fjern personen og det, personen sagde, overalt</translation>
    </message>
    <message>
        <source>That did not work: {error}. Nothing was changed.</source>
        <translation>Det lykkedes ikke: {error}. Intet blev ændret.</translation>
    </message>
    <message>
        <source>Type a name or an e-mail address.</source>
        <translation>Skriv et navn eller en e-mailadresse.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Søger…</translation>
    </message>
    <message>
        <source>Nothing is stored about {who}.</source>
        <translation>Der er intet gemt om {who}.</translation>
    </message>
    <message>
        <source>About {who}:</source>
        <translation>Om {who}:</translation>
    </message>
    <message>
        <source>Export to a folder (the files are not encrypted)</source>
        <translation>Eksportér til en mappe (filerne er ikke krypteret)</translation>
    </message>
    <message>
        <source>Wrote {json} and {html}. They are not encrypted: hand them over safely.</source>
        <translation>Skrev {json} og {html}. De er ikke krypteret: overlevér dem på en sikker måde.</translation>
    </message>
    <message>
        <source>Erase a person</source>
        <translation>Slet en person</translation>
    </message>
    <message>
        <source>Erase {who} everywhere? This cannot be undone.</source>
        <translation>Vil du slette {who} overalt? Det kan ikke fortrydes.</translation>
    </message>
    <message>
        <source>&amp;Erase</source>
        <translation>&amp;Slet</translation>
    </message>
    <message>
        <source>Redact a person</source>
        <translation>Maskér en person</translation>
    </message>
    <message>
        <source>Redact {who} everywhere? This cannot be undone.</source>
        <translation>Vil du maskere {who} overalt? Det kan ikke fortrydes.</translation>
    </message>
    <message>
        <source>&amp;Redact</source>
        <translation>&amp;Maskér</translation>
    </message>
    <message>
        <source>Also delete the &amp;audio of the meetings they spoke in</source>
        <translation>Slet også &amp;lyden fra de møder, personen talte i</translation>
    </message>
    <message>
        <source>Also delete the audio</source>
        <translation>Slet også lyden</translation>
    </message>
    <message>
        <source>Erasing…</source>
        <translation>Sletter…</translation>
    </message>
    <message>
        <source>Redacting…</source>
        <translation>Maskerer…</translation>
    </message>
    <message>
        <source>Done: {meetings} meetings changed, {deleted} lines deleted, {redacted} lines redacted, {exports} exports deleted.</source>
        <translation>Færdig: {meetings} møder ændret, {deleted} linjer slettet, {redacted} linjer maskeret, {exports} eksporter slettet.</translation>
    </message>
    <message>
        <source>Follow up on the CRM records below in the CRM itself.</source>
        <translation>Følg op på CRM-posterne nedenfor i selve CRM-systemet.</translation>
    </message>
    <message>
        <source>Meetings ({count})</source>
        <translation>Møder ({count})</translation>
    </message>
    <message>
        <source>Transcript lines ({count})</source>
        <translation>Linjer i transskriptioner ({count})</translation>
    </message>
    <message>
        <source>Summary items ({count})</source>
        <translation>Punkter i resuméer ({count})</translation>
    </message>
    <message>
        <source>Sent to CRM ({count})</source>
        <translation>Sendt til CRM ({count})</translation>
    </message>
    <message>
        <source>Exports ({count})</source>
        <translation>Eksporter ({count})</translation>
    </message>
    <message>
        <source>participant</source>
        <translation>deltager</translation>
    </message>
    <message>
        <source>speaker</source>
        <translation>taler</translation>
    </message>
    <message>
        <source>title</source>
        <translation>titel</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>noter</translation>
    </message>
    <message>
        <source>transcript</source>
        <translation>transskription</translation>
    </message>
    <message>
        <source>summary</source>
        <translation>resumé</translation>
    </message>
    <message>
        <source>highlight</source>
        <translation>markering</translation>
    </message>
    <message>
        <source>consent record</source>
        <translation>samtykkeregistrering</translation>
    </message>
    <message>
        <source>CRM</source>
        <translation>CRM</translation>
    </message>
    <message>
        <source>export</source>
        <translation>eksport</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>sendt</translation>
    </message>
    <message>
        <source>waiting to be sent</source>
        <translation>venter på at blive sendt</translation>
    </message>
    <message>
        <source>being sent</source>
        <translation>sendes nu</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>mislykkedes</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>trukket tilbage</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumé</translation>
    </message>
    <message>
        <source>E-mail subject</source>
        <translation>E-mailens emne</translation>
    </message>
    <message>
        <source>E-mail draft</source>
        <translation>Udkast til e-mail</translation>
    </message>
</context>
<context>
    <name>PlaceRow</name>
    <message>
        <source>{place}: where</source>
        <translation>{place}: placering</translation>
    </message>
    <message>
        <source>{place}: status</source>
        <translation>{place}: status</translation>
    </message>
</context>
<context>
    <name>PlayerBar</name>
    <message>
        <source>&amp;Play</source>
        <translation>&amp;Afspil</translation>
    </message>
    <message>
        <source>Play or pause (Space)</source>
        <translation>Afspil eller sæt på pause (mellemrum)</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Afspil</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Hastighed</translation>
    </message>
    <message>
        <source>Playback speed</source>
        <translation>Afspilningshastighed</translation>
    </message>
    <message>
        <source>Sp&amp;eed</source>
        <translation>Has&amp;tighed</translation>
    </message>
    <message>
        <source>S&amp;kip silence</source>
        <translation>Spring &amp;pauser over</translation>
    </message>
    <message>
        <source>Skip silence</source>
        <translation>Spring pauser over</translation>
    </message>
    <message>
        <source>Leave out pauses longer than a second</source>
        <translation>Spring pauser over, der er længere end et sekund</translation>
    </message>
    <message>
        <source>Player status</source>
        <translation>Afspillerens status</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>P&amp;ause</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
</context>
<context>
    <name>PolicyEditor</name>
    <message>
        <source>&amp;Keep it until I delete it</source>
        <translation>&amp;Behold den, indtil jeg sletter den</translation>
    </message>
    <message>
        <source>&amp;Delete it this many days after the meeting:</source>
        <translation>&amp;Slet den så mange dage efter mødet:</translation>
    </message>
    <message>
        <source>Days after the meeting</source>
        <translation>Dage efter mødet</translation>
    </message>
    <message>
        <source>Delete it once the summary is sent to the &amp;CRM</source>
        <translation>Slet den, når resuméet er sendt til &amp;CRM</translation>
    </message>
    <message>
        <source>…or this many days after the meeting, if soo&amp;ner:</source>
        <translation>…eller så mange dage efter mødet, hvis det er &amp;tidligere:</translation>
    </message>
    <message>
        <source>Days after the meeting, at most</source>
        <translation>Højst antal dage efter mødet</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>Lyd</translation>
    </message>
    <message>
        <source>Kee&amp;p it until I delete it</source>
        <translation>Beh&amp;old den, indtil jeg sletter den</translation>
    </message>
    <message>
        <source>Delete it this many &amp;months after the meeting:</source>
        <translation>Slet den så mange &amp;måneder efter mødet:</translation>
    </message>
    <message>
        <source>Months after the meeting</source>
        <translation>Måneder efter mødet</translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation>Transskription</translation>
    </message>
    <message>
        <source>Summaries: kept until you delete them.</source>
        <translation>Resuméer: beholdes, indtil du sletter dem.</translation>
    </message>
</context>
<context>
    <name>PrivacyMenu</name>
    <message>
        <source>&amp;Privacy</source>
        <translation>&amp;Privatliv</translation>
    </message>
    <message>
        <source>A &amp;Person&apos;s Data…</source>
        <translation>&amp;En persons data…</translation>
    </message>
    <message>
        <source>Find, export or erase what Minuta holds about one person</source>
        <translation>Find, eksportér eller slet det, Minuta har om en person</translation>
    </message>
    <message>
        <source>&amp;Audit Log…</source>
        <translation>&amp;Revisionslog…</translation>
    </message>
    <message>
        <source>Everything that matters for privacy, and a check that nothing was changed</source>
        <translation>Alt, der har betydning for privatlivet, og en kontrol af, at intet er ændret</translation>
    </message>
    <message>
        <source>&amp;What Left This Machine…</source>
        <translation>&amp;Hvad der har forladt computeren…</translation>
    </message>
    <message>
        <source>Every push to a CRM and every export, with exactly what went</source>
        <translation>Hver forsendelse til et CRM og hver eksport, med præcis det, der forlod computeren</translation>
    </message>
</context>
<context>
    <name>PushDialog</name>
    <message>
        <source>Send to CRM</source>
        <translation>Send til CRM</translation>
    </message>
    <message>
        <source>What will be sent</source>
        <translation>Det, der bliver sendt</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Besked</translation>
    </message>
    <message>
        <source>CRM</source>
        <translation>CRM</translation>
    </message>
    <message>
        <source>No CRM is connected yet.</source>
        <translation>Der er ikke tilsluttet noget CRM endnu.</translation>
    </message>
    <message>
        <source>C&amp;onnect a CRM…</source>
        <translation>Ti&amp;lslut et CRM…</translation>
    </message>
    <message>
        <source>Connect a CRM in Settings</source>
        <translation>Tilslut et CRM under Indstillinger</translation>
    </message>
    <message>
        <source>&amp;CRM</source>
        <translation>&amp;CRM</translation>
    </message>
    <message>
        <source>Send &amp;to</source>
        <translation>Send &amp;til</translation>
    </message>
    <message>
        <source>&amp;What to send</source>
        <translation>&amp;Hvad der sendes</translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation>Personoplysninger</translation>
    </message>
    <message>
        <source>Task owners</source>
        <translation>Ansvarlige for opgaver</translation>
    </message>
    <message>
        <source>&amp;Approve and send</source>
        <translation>&amp;Godkend og send</translation>
    </message>
    <message>
        <source>Approve and send what is shown</source>
        <translation>Godkend og send det viste</translation>
    </message>
    <message>
        <source>Sends exactly what is shown on the right</source>
        <translation>Sender præcis det, der vises til højre</translation>
    </message>
    <message>
        <source>Reading the meeting…</source>
        <translation>Læser mødet…</translation>
    </message>
    <message>
        <source>Approve items in the summary first: only those are sent.</source>
        <translation>Godkend først punkter i resuméet: kun de bliver sendt.</translation>
    </message>
    <message>
        <source>Connecting to {crm}…</source>
        <translation>Opretter forbindelse til {crm}…</translation>
    </message>
    <message>
        <source>Minuta could not reach the CRM: {reason}</source>
        <translation>Minuta kunne ikke få forbindelse til CRM-systemet: {reason}</translation>
    </message>
    <message>
        <source>Choose something to send.</source>
        <translation>Vælg noget at sende.</translation>
    </message>
    <message>
        <source>Connect a CRM to see what would be sent.</source>
        <translation>Tilslut et CRM for at se, hvad der ville blive sendt.</translation>
    </message>
    <message>
        <source>Waiting for the CRM…</source>
        <translation>Venter på CRM-systemet…</translation>
    </message>
    <message>
        <source>Choose the record to send it to.</source>
        <translation>Vælg den post, det skal sendes til.</translation>
    </message>
    <message>
        <source>The meeting could not be read ({reason}).</source>
        <translation>Mødet kunne ikke læses ({reason}).</translation>
    </message>
</context>
<context>
    <name>RecordingMessages</name>
    <message>
        <source>The call audio</source>
        <translation>Opkaldslyden</translation>
    </message>
    <message>
        <source>Your microphone</source>
        <translation>Din mikrofon</translation>
    </message>
    <message>
        <source>{channel} ({device}) stopped sending sound. Recording goes on, and picks it up again as soon as it is back.</source>
        <translation>{channel} ({device}) holdt op med at sende lyd. Optagelsen fortsætter og tager den med igen, så snart den er tilbage.</translation>
    </message>
    <message>
        <source>{channel} is back ({device}).</source>
        <translation>{channel} er tilbage ({device}).</translation>
    </message>
    <message>
        <source>{channel} now comes from {device}, the computer&apos;s new default.</source>
        <translation>{channel} kommer nu fra {device}, computerens nye standard.</translation>
    </message>
    <message>
        <source>{channel} missed {seconds} seconds of sound; that moment is silent in the recording.</source>
        <translation>{channel} mistede {seconds} sekunders lyd; det øjeblik er stille i optagelsen.</translation>
    </message>
    <message>
        <source>Your microphone has picked up only silence for a while. Is it muted?</source>
        <translation>Din mikrofon har kun opfanget stilhed et stykke tid. Er lyden slået fra?</translation>
    </message>
    <message>
        <source>Nobody has spoken for a long time. Is the meeting over? Stop the recording when it is.</source>
        <translation>Ingen har sagt noget i lang tid. Er mødet slut? Stop i så fald optagelsen.</translation>
    </message>
    <message>
        <source>The recording reached its maximum length, so it stops now.</source>
        <translation>Optagelsen har nået sin maksimale længde og stopper nu.</translation>
    </message>
    <message>
        <source>The live transcript is falling behind, so it shows whole sentences only for now. The recording is not affected.</source>
        <translation>Live-transskriptionen halter bagefter, så den viser kun hele sætninger lige nu. Optagelsen påvirkes ikke.</translation>
    </message>
    <message>
        <source>The computer is busy: some of the live transcript is left for the full transcript after the meeting. The recording is not affected.</source>
        <translation>Computeren har travlt: noget af live-transskriptionen venter til den fulde transskription efter mødet. Optagelsen påvirkes ikke.</translation>
    </message>
    <message>
        <source>The live transcript stopped. The recording goes on, and the full transcript is made when it ends.</source>
        <translation>Live-transskriptionen er stoppet. Optagelsen fortsætter, og den fulde transskription laves, når den slutter.</translation>
    </message>
    <message>
        <source>The disk is full, so the recording stopped at {time}. Everything up to then is kept: free some space, then restart Minuta to finish saving it.</source>
        <translation>Disken er fuld, så optagelsen stoppede ved {time}. Alt indtil da er gemt: frigør noget plads, og genstart så Minuta for at gemme det færdigt.</translation>
    </message>
    <message>
        <source>The recording stopped at {time} because of a problem. Everything up to then is kept; restart Minuta to finish saving it.</source>
        <translation>Optagelsen stoppede ved {time} på grund af et problem. Alt indtil da er gemt; genstart Minuta for at gemme det færdigt.</translation>
    </message>
    <message>
        <source>The recording reached its maximum length and was stopped at {time}.</source>
        <translation>Optagelsen nåede sin maksimale længde og blev stoppet ved {time}.</translation>
    </message>
    <message>
        <source>Recording could not start: a sound device is not available. Check that it is plugged in, or choose the computer&apos;s default.</source>
        <translation>Optagelsen kunne ikke starte: en lydenhed er ikke tilgængelig. Tjek, at den er tilsluttet, eller vælg computerens standard.</translation>
    </message>
    <message>
        <source>Recording could not start: {reason}</source>
        <translation>Optagelsen kunne ikke starte: {reason}</translation>
    </message>
    <message>
        <source>Recording could not start: Minuta could not write its files ({reason}).</source>
        <translation>Optagelsen kunne ikke starte: Minuta kunne ikke skrive sine filer ({reason}).</translation>
    </message>
    <message>
        <source>Recording could not start ({problem}).</source>
        <translation>Optagelsen kunne ikke starte ({problem}).</translation>
    </message>
    <message>
        <source>The recording could not be saved completely. What was recorded is kept; restart Minuta to finish saving it.</source>
        <translation>Optagelsen kunne ikke gemmes helt. Det optagne er bevaret; genstart Minuta for at gemme det færdigt.</translation>
    </message>
    <message>
        <source>Your notes could not be saved just now. Minuta tries again as you type.</source>
        <translation>Dine noter kunne ikke gemmes lige nu. Minuta prøver igen, mens du skriver.</translation>
    </message>
    <message>
        <source>No live transcript this time ({reason}). The recording and the full transcript afterwards are not affected.</source>
        <translation>Ingen live-transskription denne gang ({reason}). Optagelsen og den fulde transskription bagefter påvirkes ikke.</translation>
    </message>
    <message>
        <source>Minuta can&apos;t reach this computer&apos;s sound system (PulseAudio or PipeWire), so it can&apos;t record right now. Check that sound works in other programs; if it does not, log out and back in, or restart the computer. Then try again. Your meetings can still be opened, searched and imported.</source>
        <translation>Minuta kan ikke få forbindelse til computerens lydsystem (PulseAudio eller PipeWire), så den kan ikke optage lige nu. Tjek, at lyden virker i andre programmer; hvis den ikke gør, så log ud og ind igen, eller genstart computeren. Prøv så igen. Dine møder kan stadig åbnes, søges i og importeres.</translation>
    </message>
    <message>
        <source>Minuta can&apos;t use this computer&apos;s sound system: a part it needs (the PortAudio library) is missing, so it can&apos;t record. Installing Minuta again should bring it back. Your meetings can still be opened, searched and imported.</source>
        <translation>Minuta kan ikke bruge computerens lydsystem: en del, den har brug for (PortAudio-biblioteket), mangler, så den kan ikke optage. Installér Minuta igen, så burde den komme tilbage. Dine møder kan stadig åbnes, søges i og importeres.</translation>
    </message>
    <message>
        <source>Minuta could not list the sound devices. Recording uses the computer&apos;s default ones.</source>
        <translation>Minuta kunne ikke finde lydenhederne. Optagelsen bruger computerens standardenheder.</translation>
    </message>
</context>
<context>
    <name>RecordingView</name>
    <message>
        <source>Optional, for example: Nordlys pricing</source>
        <translation>Valgfrit, for eksempel: Nordlys-priser</translation>
    </message>
    <message>
        <source>Meeting title</source>
        <translation>Mødets titel</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>&amp;Start recording</source>
        <translation>&amp;Start optagelse</translation>
    </message>
    <message>
        <source>Start recording</source>
        <translation>Start optagelse</translation>
    </message>
    <message>
        <source>Start recording this meeting (Alt+S)</source>
        <translation>Start optagelsen af dette møde (Alt+S)</translation>
    </message>
    <message>
        <source>Full transcript progress</source>
        <translation>Den fulde transskriptions fremskridt</translation>
    </message>
    <message>
        <source>Cance&amp;l transcript</source>
        <translation>A&amp;nnuller transskription</translation>
    </message>
    <message>
        <source>Cancel the full transcript</source>
        <translation>Annuller den fulde transskription</translation>
    </message>
    <message>
        <source>Stop making the full transcript; the live transcript is kept (Alt+L)</source>
        <translation>Stop den fulde transskription; live-transskriptionen bliver gemt (Alt+N)</translation>
    </message>
    <message>
        <source>Record a meeting</source>
        <translation>Optag et møde</translation>
    </message>
    <message>
        <source>Recording status</source>
        <translation>Optagelsens status</translation>
    </message>
    <message>
        <source>Recorded time</source>
        <translation>Optaget tid</translation>
    </message>
    <message>
        <source>Microphone level</source>
        <translation>Mikrofonniveau</translation>
    </message>
    <message>
        <source>Call audio level</source>
        <translation>Niveau for opkaldslyd</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>Mikrofon</translation>
    </message>
    <message>
        <source>Call audio</source>
        <translation>Opkaldslyd</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>&amp;Highlight</source>
        <translation>&amp;Markér</translation>
    </message>
    <message>
        <source>Highlight this moment</source>
        <translation>Markér dette øjeblik</translation>
    </message>
    <message>
        <source>Mark this moment to find it later ({shortcut})</source>
        <translation>Markér dette øjeblik, så du kan finde det senere ({shortcut})</translation>
    </message>
    <message>
        <source>Highlight label (optional)</source>
        <translation>Tekst til markeringen (valgfrit)</translation>
    </message>
    <message>
        <source>Highlight label</source>
        <translation>Tekst til markeringen</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>S&amp;top</translation>
    </message>
    <message>
        <source>Stop recording</source>
        <translation>Stop optagelse</translation>
    </message>
    <message>
        <source>Stop and save the recording (Alt+T)</source>
        <translation>Stop og gem optagelsen (Alt+T)</translation>
    </message>
    <message>
        <source>Live transcript</source>
        <translation>Live-transskription</translation>
    </message>
    <message>
        <source>Your notes. They are saved as you type.</source>
        <translation>Dine noter. De gemmes, mens du skriver.</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Noter</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Noter</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Starter…</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Genoptag</translation>
    </message>
    <message>
        <source>Resume recording</source>
        <translation>Genoptag optagelsen</translation>
    </message>
    <message>
        <source>Pause recording</source>
        <translation>Sæt optagelsen på pause</translation>
    </message>
    <message>
        <source>Record again (Alt+R)</source>
        <translation>Optag igen (Alt+G)</translation>
    </message>
    <message>
        <source>Pause the recording (Alt+P)</source>
        <translation>Sæt optagelsen på pause (Alt+P)</translation>
    </message>
    <message>
        <source>● Recording</source>
        <translation>● Optager</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>På pause</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Gemmer…</translation>
    </message>
    <message>
        <source>Highlight at {time}: {label}</source>
        <translation>Markering ved {time}: {label}</translation>
    </message>
    <message>
        <source>Highlight at {time}</source>
        <translation>Markering ved {time}</translation>
    </message>
    <message>
        <source>Making the full transcript of the last recording…</source>
        <translation>Laver den fulde transskription af den seneste optagelse…</translation>
    </message>
</context>
<context>
    <name>RetentionPage</name>
    <message>
        <source>Rules for</source>
        <translation>Regler for</translation>
    </message>
    <message>
        <source>All meetings</source>
        <translation>Alle møder</translation>
    </message>
    <message>
        <source>&amp;Own rules for this meeting type</source>
        <translation>&amp;Egne regler for denne mødetype</translation>
    </message>
    <message>
        <source>Own rules for this meeting type</source>
        <translation>Egne regler for denne mødetype</translation>
    </message>
    <message>
        <source>Otherwise the rules for all meetings apply to this type</source>
        <translation>Ellers gælder reglerne for alle møder også for denne type</translation>
    </message>
    <message>
        <source>What these rules delete soon</source>
        <translation>Det, reglerne snart sletter</translation>
    </message>
    <message>
        <source>Rules &amp;for:</source>
        <translation>Regler &amp;for:</translation>
    </message>
    <message>
        <source>A meeting marked “Keep this meeting” is never deleted by these rules. They are applied when Minuta starts and once a day.</source>
        <translation>Et møde, der er markeret med “Behold dette møde”, bliver aldrig slettet af disse regler. De anvendes, når Minuta starter, og én gang om dagen.</translation>
    </message>
    <message>
        <source>Nothing will be deleted in the next {days} days.</source>
        <translation>Intet bliver slettet i de næste {days} dage.</translation>
    </message>
    <message>
        <source>In the next {days} days, these rules delete from 1 meeting:</source>
        <translation>I de næste {days} dage sletter reglerne fra 1 møde:</translation>
    </message>
    <message>
        <source>In the next {days} days, these rules delete from {count} meetings:</source>
        <translation>I de næste {days} dage sletter reglerne fra {count} møder:</translation>
    </message>
    <message>
        <source>{title} — audio on {date}</source>
        <translation>{title} — lyd den {date}</translation>
    </message>
    <message>
        <source>{title} — audio, due now</source>
        <translation>{title} — lyd, med det samme</translation>
    </message>
    <message>
        <source>{title} — transcript on {date}</source>
        <translation>{title} — transskription den {date}</translation>
    </message>
    <message>
        <source>{title} — transcript, due now</source>
        <translation>{title} — transskription, med det samme</translation>
    </message>
    <message>
        <source>What these rules delete could not be listed ({error}).</source>
        <translation>Det, reglerne sletter, kunne ikke vises ({error}).</translation>
    </message>
</context>
<context>
    <name>RetentionRunner</name>
    <message>
        <source>audio of 1 meeting deleted</source>
        <translation>lyd fra 1 møde slettet</translation>
    </message>
    <message>
        <source>audio of {count} meetings deleted</source>
        <translation>lyd fra {count} møder slettet</translation>
    </message>
    <message>
        <source>transcript of 1 meeting deleted</source>
        <translation>transskription af 1 møde slettet</translation>
    </message>
    <message>
        <source>transcripts of {count} meetings deleted</source>
        <translation>transskriptioner af {count} møder slettet</translation>
    </message>
    <message>
        <source>Retention: {what}</source>
        <translation>Opbevaring: {what}</translation>
    </message>
    <message>
        <source>The retention rules could not be applied ({error}).</source>
        <translation>Opbevaringsreglerne kunne ikke anvendes ({error}).</translation>
    </message>
</context>
<context>
    <name>SearchController</name>
    <message>
        <source>Minuta could not search your meetings just now.</source>
        <translation>Minuta kunne ikke søge i dine møder lige nu.</translation>
    </message>
</context>
<context>
    <name>SearchField</name>
    <message>
        <source>Search meetings ({keys})</source>
        <translation>Søg i møder ({keys})</translation>
    </message>
    <message>
        <source>Search meetings</source>
        <translation>Søg i møder</translation>
    </message>
    <message>
        <source>Search titles, notes and transcripts ({keys})</source>
        <translation>Søg i titler, noter og transskriptioner ({keys})</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <source>at {time}</source>
        <translation>ved {time}</translation>
    </message>
    <message>
        <source>in the notes</source>
        <translation>i noterne</translation>
    </message>
    <message>
        <source>in the title</source>
        <translation>i titlen</translation>
    </message>
</context>
<context>
    <name>SearchResultsPage</name>
    <message>
        <source>Search results</source>
        <translation>Søgeresultater</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Søger…</translation>
    </message>
    <message>
        <source>No matches for “{query}”.</source>
        <translation>Ingen resultater for “{query}”.</translation>
    </message>
    <message>
        <source>1 match</source>
        <translation>1 resultat</translation>
    </message>
    <message>
        <source>{count} matches</source>
        <translation>{count} resultater</translation>
    </message>
</context>
<context>
    <name>SeekBar</name>
    <message>
        <source>Position in the recording</source>
        <translation>Position i optagelsen</translation>
    </message>
    <message>
        <source>Position (Left/Right: 5 seconds back or on)</source>
        <translation>Position (venstre/højre pil: 5 sekunder tilbage eller frem)</translation>
    </message>
</context>
<context>
    <name>SendingStatus</name>
    <message>
        <source>Sending</source>
        <translation>Sender</translation>
    </message>
    <message>
        <source>Sending progress</source>
        <translation>Afsendelsens fremskridt</translation>
    </message>
    <message>
        <source>Approved and queued. Minuta sends it while it is running.</source>
        <translation>Godkendt og sat i kø. Minuta sender det, mens programmet kører.</translation>
    </message>
    <message>
        <source>Sending to {crm}…</source>
        <translation>Sender til {crm}…</translation>
    </message>
    <message>
        <source>Sent to {crm}.</source>
        <translation>Sendt til {crm}.</translation>
    </message>
    <message>
        <source>Open in {crm}</source>
        <translation>Åbn i {crm}</translation>
    </message>
    <message>
        <source>Not sent yet: {reason} Minuta tries again at {time}. You can close this window.</source>
        <translation>Ikke sendt endnu: {reason} Minuta prøver igen {time}. Du kan godt lukke vinduet.</translation>
    </message>
    <message>
        <source>Not sent: {reason} The push is kept; you can try again from the Summary tab.</source>
        <translation>Ikke sendt: {reason} Forsendelsen er gemt; du kan prøve igen fra fanen Resumé.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Minuta Settings</source>
        <translation>Indstillinger for Minuta</translation>
    </message>
    <message>
        <source>Recording devices</source>
        <translation>Optageenheder</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprog</translation>
    </message>
    <message>
        <source>Transcription model</source>
        <translation>Transskriptionsmodel</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Dit navn</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Samtykke</translation>
    </message>
    <message>
        <source>Hotkey</source>
        <translation>Genvejstast</translation>
    </message>
    <message>
        <source>Summaries</source>
        <translation>Resuméer</translation>
    </message>
    <message>
        <source>CRM</source>
        <translation>CRM</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Opbevaring</translation>
    </message>
    <message>
        <source>Settings sections</source>
        <translation>Afsnit i indstillingerne</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Gem</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Gem indstillingerne</translation>
    </message>
    <message>
        <source>Minuta could not read your settings ({error}).</source>
        <translation>Minuta kunne ikke læse dine indstillinger ({error}).</translation>
    </message>
    <message>
        <source>Minuta could not save your settings ({error}).</source>
        <translation>Minuta kunne ikke gemme dine indstillinger ({error}).</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Set up Minuta</source>
        <translation>Kom i gang med Minuta</translation>
    </message>
    <message>
        <source>Minuta records your meetings, writes down what was said, and keeps it all on this computer, encrypted. Nothing is sent anywhere unless you ask. The next steps take a minute; every one of them can be changed later in Settings.</source>
        <translation>Minuta optager dine møder, skriver ned, hvad der blev sagt, og gemmer det hele krypteret på denne computer. Intet sendes nogen steder hen, medmindre du beder om det. De næste trin tager et minut, og du kan ændre dem alle senere under Indstillinger.</translation>
    </message>
    <message>
        <source>Welcome to Minuta</source>
        <translation>Velkommen til Minuta</translation>
    </message>
    <message>
        <source>Your microphone and the call</source>
        <translation>Din mikrofon og opkaldet</translation>
    </message>
    <message>
        <source>Choose what to record, then press Test and say something.</source>
        <translation>Vælg, hvad der skal optages, og tryk så på Test og sig noget.</translation>
    </message>
    <message>
        <source>Language and transcription</source>
        <translation>Sprog og transskription</translation>
    </message>
    <message>
        <source>The built-in model works offline right away. A model suggested for your language can be more accurate; downloading it is optional.</source>
        <translation>Den indbyggede model virker uden internet med det samme. En model, der er foreslået til dit sprog, kan være mere præcis; det er valgfrit at downloade den.</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Dit navn</translation>
    </message>
    <message>
        <source>Optional.</source>
        <translation>Valgfrit.</translation>
    </message>
    <message>
        <source>Finish saves these choices.</source>
        <translation>Dine valg gemmes, når du afslutter.</translation>
    </message>
    <message>
        <source>Minuta could not save these choices: {error}</source>
        <translation>Minuta kunne ikke gemme dine valg: {error}</translation>
    </message>
</context>
<context>
    <name>SummaryGenerator</name>
    <message>
        <source>Getting the transcript ready…</source>
        <translation>Gør transskriptionen klar…</translation>
    </message>
    <message>
        <source>Saving the draft…</source>
        <translation>Gemmer udkastet…</translation>
    </message>
    <message>
        <source>This meeting has no transcript to summarise yet.</source>
        <translation>Dette møde har endnu ingen transskription at lave et resumé af.</translation>
    </message>
    <message>
        <source>The summary could not be made ({reason}).</source>
        <translation>Resuméet kunne ikke laves ({reason}).</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Summaries are drafted by</source>
        <translation>Resuméer skrives af</translation>
    </message>
    <message>
        <source>Automatic (a language model on this computer if one runs, else built-in)</source>
        <translation>Automatisk (en sprogmodel på denne computer, hvis en kører, ellers den indbyggede)</translation>
    </message>
    <message>
        <source>Built-in summariser</source>
        <translation>Indbygget resuméfunktion</translation>
    </message>
    <message>
        <source>OpenAI-compatible server</source>
        <translation>OpenAI-kompatibel server</translation>
    </message>
    <message>
        <source>llama.cpp in the app</source>
        <translation>llama.cpp i appen</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <source>Usual address, e.g. http://127.0.0.1:11434</source>
        <translation>Den sædvanlige adresse, fx http://127.0.0.1:11434</translation>
    </message>
    <message>
        <source>Model name</source>
        <translation>Modelnavn</translation>
    </message>
    <message>
        <source>The server&apos;s first model</source>
        <translation>Serverens første model</translation>
    </message>
    <message>
        <source>Choose fi&amp;le…</source>
        <translation>Vælg fi&amp;l…</translation>
    </message>
    <message>
        <source>Choose a model file</source>
        <translation>Vælg en modelfil</translation>
    </message>
    <message>
        <source>Default meeting type</source>
        <translation>Standardmødetype</translation>
    </message>
    <message>
        <source>Drafted &amp;by:</source>
        <translation>Skrevet &amp;af:</translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation>Ser&amp;veradresse:</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Model:</translation>
    </message>
    <message>
        <source>Default meeting &amp;type:</source>
        <translation>Standardmøde&amp;type:</translation>
    </message>
    <message>
        <source>Minuta only uses a language model on this computer: the meeting never leaves it. Without one, the built-in summariser drafts the summary.</source>
        <translation>Minuta bruger kun en sprogmodel på denne computer: mødet forlader den aldrig. Uden en skriver den indbyggede resuméfunktion resuméet.</translation>
    </message>
    <message>
        <source>&amp;Find servers on this computer</source>
        <translation>&amp;Find servere på denne computer</translation>
    </message>
    <message>
        <source>Find language-model servers on this computer</source>
        <translation>Find sprogmodelservere på denne computer</translation>
    </message>
    <message>
        <source>Servers found</source>
        <translation>Fundne servere</translation>
    </message>
    <message>
        <source>Choose a server to use it</source>
        <translation>Vælg en server for at bruge den</translation>
    </message>
    <message>
        <source>Minuta is still checking the server address. Try again in a moment.</source>
        <translation>Minuta tjekker stadig serveradressen. Prøv igen om et øjeblik.</translation>
    </message>
    <message>
        <source>Looking for servers on this computer…</source>
        <translation>Leder efter servere på denne computer…</translation>
    </message>
    <message>
        <source>no models yet</source>
        <translation>ingen modeller endnu</translation>
    </message>
    <message>
        <source>(still loading its model)</source>
        <translation>(indlæser stadig sin model)</translation>
    </message>
    <message>
        <source>Choose one to use it.</source>
        <translation>Vælg en for at bruge den.</translation>
    </message>
    <message>
        <source>No language-model server answers on this computer. The built-in summariser works without one.</source>
        <translation>Ingen sprogmodelserver svarer på denne computer. Den indbyggede resuméfunktion virker uden.</translation>
    </message>
    <message>
        <source>Looking for servers did not work.</source>
        <translation>Søgningen efter servere virkede ikke.</translation>
    </message>
    <message>
        <source>A .gguf model file</source>
        <translation>En .gguf-modelfil</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>GGUF-modeller (*.gguf)</translation>
    </message>
    <message>
        <source>Minuta only uses a language model on this computer. Use an address such as http://127.0.0.1:11434.</source>
        <translation>Minuta bruger kun en sprogmodel på denne computer. Brug en adresse som http://127.0.0.1:11434.</translation>
    </message>
</context>
<context>
    <name>SummaryTab</name>
    <message>
        <source>Kind of meeting</source>
        <translation>Mødetype</translation>
    </message>
    <message>
        <source>What the summary should focus on</source>
        <translation>Hvad resuméet skal fokusere på</translation>
    </message>
    <message>
        <source>Meeting &amp;type:</source>
        <translation>Møde&amp;type:</translation>
    </message>
    <message>
        <source>&amp;Generate summary</source>
        <translation>&amp;Generér resumé</translation>
    </message>
    <message>
        <source>Generate summary</source>
        <translation>Generér resumé</translation>
    </message>
    <message>
        <source>C&amp;ancel</source>
        <translation>Ann&amp;uller</translation>
    </message>
    <message>
        <source>Cancel the summary</source>
        <translation>Annullér resuméet</translation>
    </message>
    <message>
        <source>Stop and keep the earlier draft</source>
        <translation>Stop og behold det tidligere udkast</translation>
    </message>
    <message>
        <source>Summary progress</source>
        <translation>Resuméets fremskridt</translation>
    </message>
    <message>
        <source>Summary status</source>
        <translation>Resuméets status</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Besked</translation>
    </message>
    <message>
        <source>No summary yet. Choose the kind of meeting and press Generate.</source>
        <translation>Intet resumé endnu. Vælg mødetypen, og tryk på Generér resumé.</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumé</translation>
    </message>
    <message>
        <source>Left out of the summary</source>
        <translation>Udeladt af resuméet</translation>
    </message>
    <message>
        <source>Sensitive topics are not summarised. Click a time to hear the line.</source>
        <translation>Følsomme emner kommer ikke med i resuméet. Klik på et tidspunkt for at høre linjen.</translation>
    </message>
    <message>
        <source>Follow-up e-mail</source>
        <translation>Opfølgende e-mail</translation>
    </message>
    <message>
        <source>How this summary was made</source>
        <translation>Sådan blev resuméet lavet</translation>
    </message>
    <message>
        <source>Ask this meeting</source>
        <translation>Spørg dette møde</translation>
    </message>
    <message>
        <source>The summary could not be read ({reason}).</source>
        <translation>Resuméet kunne ikke læses ({reason}).</translation>
    </message>
    <message>
        <source>The transcript has changed since this draft was made: its quotes were checked again. Generate again to draft from the new transcript.</source>
        <translation>Transskriptionen er ændret, siden dette udkast blev lavet: citaterne er kontrolleret igen. Generér igen for at lave et udkast ud fra den nye transskription.</translation>
    </message>
    <message>
        <source>1 line</source>
        <translation>1 linje</translation>
    </message>
    <message>
        <source>{count} lines</source>
        <translation>{count} linjer</translation>
    </message>
    <message>
        <source>Left out of the summary: {topics} ({lines})</source>
        <translation>Udeladt af resuméet: {topics} ({lines})</translation>
    </message>
    <message>
        <source>sensitive topics</source>
        <translation>følsomme emner</translation>
    </message>
    <message>
        <source>Your change could not be saved ({reason}).</source>
        <translation>Din ændring kunne ikke gemmes ({reason}).</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Stoppet.</translation>
    </message>
    <message>
        <source>Stopped. The earlier draft is kept.</source>
        <translation>Stoppet. Det tidligere udkast er bevaret.</translation>
    </message>
    <message>
        <source>&amp;Regenerate</source>
        <translation>&amp;Generér igen</translation>
    </message>
    <message>
        <source>Regenerate summary</source>
        <translation>Generér resuméet igen</translation>
    </message>
</context>
<context>
    <name>SummaryTexts</name>
    <message>
        <source>Decisions</source>
        <translation>Beslutninger</translation>
    </message>
    <message>
        <source>Action items</source>
        <translation>Opgaver</translation>
    </message>
    <message>
        <source>Risks</source>
        <translation>Risici</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>Næste skridt</translation>
    </message>
    <message>
        <source>CRM suggestions</source>
        <translation>Forslag til CRM</translation>
    </message>
    <message>
        <source>Sales discovery call</source>
        <translation>Første salgssamtale</translation>
    </message>
    <message>
        <source>Customer follow-up</source>
        <translation>Kundeopfølgning</translation>
    </message>
    <message>
        <source>Recruiting interview</source>
        <translation>Jobsamtale</translation>
    </message>
    <message>
        <source>Project status meeting</source>
        <translation>Projektstatusmøde</translation>
    </message>
    <message>
        <source>Internal meeting</source>
        <translation>Internt møde</translation>
    </message>
    <message>
        <source>Looking for a language model on this computer…</source>
        <translation>Leder efter en sprogmodel på denne computer…</translation>
    </message>
    <message>
        <source>Part {part} of {total}…</source>
        <translation>Del {part} af {total}…</translation>
    </message>
    <message>
        <source>Writing the summary…</source>
        <translation>Skriver resuméet…</translation>
    </message>
    <message>
        <source>Putting the parts together…</source>
        <translation>Samler delene…</translation>
    </message>
    <message>
        <source>Checking quotes…</source>
        <translation>Tjekker citater…</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Færdig.</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Arbejder…</translation>
    </message>
    <message>
        <source>the built-in summariser</source>
        <translation>den indbyggede resuméfunktion</translation>
    </message>
    <message>
        <source>a local server</source>
        <translation>en lokal server</translation>
    </message>
    <message>
        <source>Drafted by {backend} · {template} · {date}</source>
        <translation>Skrevet af {backend} · {template} · {date}</translation>
    </message>
    <message>
        <source>health</source>
        <translation>helbred</translation>
    </message>
    <message>
        <source>religion</source>
        <translation>religion</translation>
    </message>
    <message>
        <source>union membership</source>
        <translation>fagforeningsmedlemskab</translation>
    </message>
    <message>
        <source>politics</source>
        <translation>politik</translation>
    </message>
    <message>
        <source>a legal dispute</source>
        <translation>en retstvist</translation>
    </message>
    <message>
        <source>personal matters</source>
        <translation>personlige forhold</translation>
    </message>
    <message>
        <source>The quote was not found in the transcript. Check it before approving.</source>
        <translation>Citatet blev ikke fundet i transskriptionen. Tjek det, før du godkender.</translation>
    </message>
</context>
<context>
    <name>TargetPicker</name>
    <message>
        <source>Search the CRM</source>
        <translation>Søg i CRM-systemet</translation>
    </message>
    <message>
        <source>Name, e-mail address or company</source>
        <translation>Navn, e-mailadresse eller virksomhed</translation>
    </message>
    <message>
        <source>Records found</source>
        <translation>Fundne poster</translation>
    </message>
    <message>
        <source>Search status</source>
        <translation>Søgningens status</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Søger…</translation>
    </message>
    <message>
        <source>The search did not work: {reason}</source>
        <translation>Søgningen mislykkedes: {reason}</translation>
    </message>
    <message>
        <source>Type a name or an e-mail address to search.</source>
        <translation>Skriv et navn eller en e-mailadresse for at søge.</translation>
    </message>
    <message>
        <source>Nothing found for “{query}”.</source>
        <translation>Ingen resultater for “{query}”.</translation>
    </message>
</context>
<context>
    <name>TemplatesEditor</name>
    <message>
        <source>Meeting type to edit</source>
        <translation>Mødetype, der skal redigeres</translation>
    </message>
    <message>
        <source>Meeting type name</source>
        <translation>Mødetypens navn</translation>
    </message>
    <message>
        <source>Instructions for the language model</source>
        <translation>Instruktioner til sprogmodellen</translation>
    </message>
    <message>
        <source>&amp;Reset to built-in</source>
        <translation>Null&amp;stil til indbygget</translation>
    </message>
    <message>
        <source>Reset this meeting type to the built-in one</source>
        <translation>Nulstil mødetypen til den indbyggede</translation>
    </message>
    <message>
        <source>&amp;Edit meeting type:</source>
        <translation>&amp;Redigér mødetype:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Navn:</translation>
    </message>
    <message>
        <source>&amp;Instructions:</source>
        <translation>&amp;Instruktioner:</translation>
    </message>
    <message>
        <source>The instructions tell a language model what matters in this kind of meeting. Rules that keep personal matters out always apply.</source>
        <translation>Instruktionerne fortæller en sprogmodel, hvad der er vigtigt i denne slags møde. Regler, der holder personlige forhold ude, gælder altid.</translation>
    </message>
</context>
<context>
    <name>TranscriptList</name>
    <message>
        <source>Transcript</source>
        <translation>Transskription</translation>
    </message>
    <message>
        <source>Click a line to play it; double-click or F2 to correct it</source>
        <translation>Klik på en linje for at afspille den; dobbeltklik eller tryk F2 for at rette den</translation>
    </message>
</context>
<context>
    <name>TranscriptModel</name>
    <message>
        <source>Me</source>
        <translation>Mig</translation>
    </message>
    <message>
        <source>Them</source>
        <translation>De andre</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Taler</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Tekst</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>Recording, {time}</source>
        <translation>Optager, {time}</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Optager</translation>
    </message>
    <message>
        <source>Recording paused at {time}</source>
        <translation>Optagelsen er sat på pause ved {time}</translation>
    </message>
    <message>
        <source>Recording paused</source>
        <translation>Optagelsen er sat på pause</translation>
    </message>
    <message>
        <source>Writing the transcript</source>
        <translation>Skriver transskriptionen</translation>
    </message>
    <message>
        <source>Not recording</source>
        <translation>Optager ikke</translation>
    </message>
    <message>
        <source>Minuta: {status}</source>
        <translation>Minuta: {status}</translation>
    </message>
    <message>
        <source>Start &amp;Quick Recording</source>
        <translation>Start &amp;hurtig optagelse</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Genoptag</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>Add &amp;Highlight</source>
        <translation>Tilføj &amp;markering</translation>
    </message>
    <message>
        <source>&amp;Stop Recording</source>
        <translation>&amp;Stop optagelse</translation>
    </message>
    <message>
        <source>&amp;Open Minuta</source>
        <translation>&amp;Åbn Minuta</translation>
    </message>
    <message>
        <source>Q&amp;uit Minuta</source>
        <translation>&amp;Afslut Minuta</translation>
    </message>
    <message>
        <source>Start Minuta at &amp;Login</source>
        <translation>Start Minuta ved &amp;login</translation>
    </message>
    <message>
        <source>Start Minuta in the tray when you log in to this computer</source>
        <translation>Start Minuta i statusområdet, når du logger ind på denne computer</translation>
    </message>
    <message>
        <source>Minuta could not set itself to start when you log in.</source>
        <translation>Minuta kunne ikke indstille sig til at starte, når du logger ind.</translation>
    </message>
    <message>
        <source>Minuta could not stop itself from starting when you log in.</source>
        <translation>Minuta kunne ikke slå start ved login fra.</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>Start ved login</translation>
    </message>
    <message>
        <source>The system did not allow the change ({reason}). Nothing else was changed, and your meetings are not affected. You can try again from this menu.</source>
        <translation>Systemet tillod ikke ændringen ({reason}). Intet andet blev ændret, og dine møder er ikke berørt. Du kan prøve igen fra denne menu.</translation>
    </message>
    <message>
        <source>Start at login could not be changed</source>
        <translation>Start ved login kunne ikke ændres</translation>
    </message>
</context>
<context>
    <name>UnexpectedErrors</name>
    <message>
        <source>Minuta</source>
        <translation>Minuta</translation>
    </message>
    <message>
        <source>Something unexpected went wrong</source>
        <translation>Noget uventet gik galt</translation>
    </message>
    <message>
        <source>Something unexpected went wrong.</source>
        <translation>Noget uventet gik galt.</translation>
    </message>
    <message>
        <source>Minuta has not deleted anything, and your meetings are safe. You can go on working; if something does not respond, quit Minuta and start it again. If this keeps happening, please report it.</source>
        <translation>Minuta har ikke slettet noget, og dine møder er i sikkerhed. Du kan arbejde videre; hvis noget ikke reagerer, så afslut Minuta og start den igen. Hvis det bliver ved med at ske, så rapportér det venligst.</translation>
    </message>
</context>
<context>
    <name>WarningBanner</name>
    <message>
        <source>Recording messages</source>
        <translation>Beskeder om optagelsen</translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation>&amp;Luk</translation>
    </message>
    <message>
        <source>Dismiss the messages</source>
        <translation>Luk beskederne</translation>
    </message>
    <message>
        <source>Hide these messages (Alt+D)</source>
        <translation>Skjul disse beskeder (Alt+L)</translation>
    </message>
</context>
<context>
    <name>WordStrip</name>
    <message>
        <source>Words of the selected line</source>
        <translation>Ordene i den valgte linje</translation>
    </message>
    <message>
        <source>Click a word to play from it</source>
        <translation>Klik på et ord for at afspille derfra</translation>
    </message>
</context>
<context>
    <name>_LineDelegate</name>
    <message>
        <source>Correct this line</source>
        <translation>Ret denne linje</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Minuta is already running, but it does not answer. Wait a moment and start it again. If that does not help, log out and back in.</source>
        <translation>Minuta kører allerede, men svarer ikke. Vent et øjeblik, og start den igen. Hvis det ikke hjælper, så log ud og ind igen.</translation>
    </message>
</context>
</TS>

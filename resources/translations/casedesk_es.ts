<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>AccountsTab</name>
    <message>
        <source>&amp;Accounts</source>
        <translation>C&amp;uentas</translation>
    </message>
    <message>
        <source>Changes on this tab are stored at once; Save is for the other tabs. A locked account is one with five wrong passwords in a row.</source>
        <translation>Los cambios de esta pestaña se guardan al momento; Guardar es para las demás pestañas. Una cuenta bloqueada es la que tiene cinco contraseñas incorrectas seguidas.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Practitioner</source>
        <translation>Profesional</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activa</translation>
    </message>
    <message>
        <source>Locked until</source>
        <translation>Bloqueada hasta</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>Último inicio de sesión</translation>
    </message>
    <message>
        <source>Reception</source>
        <translation>Recepción</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrador</translation>
    </message>
    <message>
        <source>Add an account</source>
        <translation>Añadir una cuenta</translation>
    </message>
    <message>
        <source>&amp;Add account</source>
        <translation>Añadir cu&amp;enta</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Repita la contraseña</translation>
    </message>
    <message>
        <source>Selected account</source>
        <translation>Cuenta seleccionada</translation>
    </message>
    <message>
        <source>Change &amp;role</source>
        <translation>Cambiar &amp;rol</translation>
    </message>
    <message>
        <source>Reset pass&amp;word</source>
        <translation>Restablecer contra&amp;seña</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Desbloquear</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>Desac&amp;tivar</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Contraseña nueva</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Re&amp;activate</source>
        <translation>Reac&amp;tivar</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>Las dos contraseñas no coinciden.</translation>
    </message>
    <message>
        <source>Adding the account...</source>
        <translation>Añadiendo la cuenta...</translation>
    </message>
    <message>
        <source>Added %1.</source>
        <translation>Se ha añadido %1.</translation>
    </message>
    <message>
        <source>Role changed.</source>
        <translation>Rol cambiado.</translation>
    </message>
    <message>
        <source>Password reset.</source>
        <translation>Contraseña restablecida.</translation>
    </message>
    <message>
        <source>Unlocked.</source>
        <translation>Desbloqueada.</translation>
    </message>
    <message>
        <source>Reactivated.</source>
        <translation>Reactivada.</translation>
    </message>
    <message>
        <source>Deactivated.</source>
        <translation>Desactivada.</translation>
    </message>
    <message>
        <source>Storing...</source>
        <translation>Guardando...</translation>
    </message>
</context>
<context>
    <name>AppointmentPage</name>
    <message>
        <source>Initial assessment</source>
        <translation>Valoración inicial</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Seguimiento</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Cita</translation>
    </message>
    <message>
        <source>Times are clinic time (%1). * marks what is required.</source>
        <translation>Las horas son las de la clínica (%1). * indica lo obligatorio.</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Anything the practitioner should know (optional)</source>
        <translation>Lo que el profesional debe saber (opcional)</translation>
    </message>
    <message>
        <source>&amp;Practitioner</source>
        <translation>&amp;Profesional</translation>
    </message>
    <message>
        <source>&amp;Day</source>
        <translation>&amp;Día</translation>
    </message>
    <message>
        <source>Free &amp;slots</source>
        <translation>&amp;Huecos libres</translation>
    </message>
    <message>
        <source>&amp;Length</source>
        <translation>&amp;Duración</translation>
    </message>
    <message>
        <source>T&amp;ype</source>
        <translation>T&amp;ipo</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>N&amp;otas</translation>
    </message>
    <message>
        <source>Finding free slots…</source>
        <translation>Buscando huecos libres…</translation>
    </message>
    <message>
        <source>No practitioner is taking appointments. Add one in Settings first.</source>
        <translation>Ningún profesional acepta citas. Añada uno antes en Ajustes.</translation>
    </message>
    <message>
        <source>No free time that day; choose another day.</source>
        <translation>No queda tiempo libre ese día; elija otro día.</translation>
    </message>
    <message>
        <source>The clinic allows booking past it.</source>
        <translation>La clínica permite reservar aunque se haya superado.</translation>
    </message>
</context>
<context>
    <name>AppointmentsModel</name>
    <message>
        <source>Initial assessment</source>
        <translation>Valoración inicial</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Seguimiento</translation>
    </message>
    <message>
        <source>Reserved and not confirmed within the hold: follow up.</source>
        <translation>Reservada y sin confirmar dentro del plazo: haga seguimiento.</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Fecha y hora</translation>
    </message>
    <message>
        <source>Practitioner</source>
        <translation>Profesional</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
</context>
<context>
    <name>BackupSchedule</name>
    <message>
        <source>&amp;Restore from backup...</source>
        <translation>&amp;Restaurar desde copia de seguridad...</translation>
    </message>
</context>
<context>
    <name>BodyPartPicker</name>
    <message>
        <source>Type to find a body part, e.g. knee, lumbar, left hip</source>
        <translation>Escriba para buscar una zona del cuerpo, p. ej. rodilla, lumbar, cadera izquierda</translation>
    </message>
    <message>
        <source>Side:</source>
        <translation>Lado:</translation>
    </message>
    <message>
        <source>&amp;Left</source>
        <translation>&amp;Izquierdo</translation>
    </message>
    <message>
        <source>&amp;Right</source>
        <translation>&amp;Derecho</translation>
    </message>
    <message>
        <source>Bot&amp;h</source>
        <translation>&amp;Ambos</translation>
    </message>
    <message>
        <source>&amp;Add body part</source>
        <translation>Añadir &amp;zona del cuerpo</translation>
    </message>
    <message>
        <source>No body part chosen yet.</source>
        <translation>Aún no ha elegido ninguna zona del cuerpo.</translation>
    </message>
    <message>
        <source>Chosen (click one to remove it):</source>
        <translation>Elegidas (pulse una para quitarla):</translation>
    </message>
    <message>
        <source>No body part matches what you typed.</source>
        <translation>Ninguna zona del cuerpo coincide con lo escrito.</translation>
    </message>
    <message>
        <source>Choose a side for %1: left, right or both.</source>
        <translation>Elija un lado para %1: izquierdo, derecho o ambos.</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Quitar %1</translation>
    </message>
</context>
<context>
    <name>BookActions</name>
    <message>
        <source>Confirm</source>
        <translation>Confirmar</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>Ha llegado</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Realizada</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>No acudió</translation>
    </message>
    <message>
        <source>&amp;Book here…</source>
        <translation>&amp;Reservar aquí…</translation>
    </message>
    <message>
        <source>&amp;Open patient</source>
        <translation>&amp;Abrir paciente</translation>
    </message>
    <message>
        <source>&amp;Move…</source>
        <translation>&amp;Mover…</translation>
    </message>
    <message>
        <source>Or drag the appointment to its new slot.</source>
        <translation>O arrastre la cita a su nuevo hueco.</translation>
    </message>
    <message>
        <source>&amp;Cancel appointment…</source>
        <translation>&amp;Cancelar cita…</translation>
    </message>
    <message>
        <source>Copy &amp;link</source>
        <translation>Copiar en&amp;lace</translation>
    </message>
    <message>
        <source>Link copied.</source>
        <translation>Enlace copiado.</translation>
    </message>
    <message>
        <source>Not moved: </source>
        <translation>No se ha movido: </translation>
    </message>
    <message>
        <source>Moving…</source>
        <translation>Moviendo…</translation>
    </message>
    <message>
        <source>Appointment moved to {when}.</source>
        <translation>Cita movida a {when}.</translation>
    </message>
</context>
<context>
    <name>BookPanel</name>
    <message>
        <source>&amp;Today</source>
        <translation>&amp;Hoy</translation>
    </message>
    <message>
        <source>Previous day (Alt+Left)</source>
        <translation>Día anterior (Alt+Izquierda)</translation>
    </message>
    <message>
        <source>Next day (Alt+Right)</source>
        <translation>Día siguiente (Alt+Derecha)</translation>
    </message>
    <message>
        <source>&amp;Week of</source>
        <translation>&amp;Semana de</translation>
    </message>
    <message>
        <source>One practitioner&apos;s week</source>
        <translation>La semana de un profesional</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Leyendo…</translation>
    </message>
</context>
<context>
    <name>BookingBanner</name>
    <message>
        <source>Close this message</source>
        <translation>Cerrar este mensaje</translation>
    </message>
    <message>
        <source>&amp;Copy link</source>
        <translation>&amp;Copiar enlace</translation>
    </message>
    <message>
        <source>case &lt;b&gt;{code}&lt;/b&gt; ({title}), which {old} was merged into</source>
        <translation>el caso &lt;b&gt;{code}&lt;/b&gt; ({title}), en el que se fusionó {old}</translation>
    </message>
    <message>
        <source>new case</source>
        <translation>caso nuevo</translation>
    </message>
    <message>
        <source>case</source>
        <translation>caso</translation>
    </message>
    <message>
        <source>Booked {time} with {who}, {case}.</source>
        <translation>Reservada el {time} con {who}, {case}.</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copiado</translation>
    </message>
    <message>
        <source>The patient can scan the link with a phone camera</source>
        <translation>El paciente puede escanear el enlace con la cámara del móvil</translation>
    </message>
    <message>
        <source>Copy &amp;message</source>
        <translation>Copiar &amp;mensaje</translation>
    </message>
    <message>
        <source>Open in &amp;WhatsApp</source>
        <translation>Abrir en &amp;WhatsApp</translation>
    </message>
    <message>
        <source>Message copied</source>
        <translation>Mensaje copiado</translation>
    </message>
</context>
<context>
    <name>BookingWizard</name>
    <message>
        <source>Send link &amp;&amp; reserve appointment</source>
        <translation>Enviar enlace y reservar cita</translation>
    </message>
    <message>
        <source>New booking</source>
        <translation>Nueva reserva</translation>
    </message>
    <message>
        <source>Follow-up for %1</source>
        <translation>Seguimiento de %1</translation>
    </message>
    <message>
        <source>Looking at the patient&apos;s open cases…</source>
        <translation>Consultando los casos abiertos del paciente…</translation>
    </message>
    <message>
        <source>New patient: %1</source>
        <translation>Paciente nuevo: %1</translation>
    </message>
    <message>
        <source>Update %1 “%2”: it keeps its ID and title</source>
        <translation>Actualizar %1 «%2»: conserva su ID y su título</translation>
    </message>
    <message>
        <source> (adds %1)</source>
        <translation> (añade %1)</translation>
    </message>
    <message>
        <source>New case “%1” (its ID is given when it is saved)</source>
        <translation>Caso nuevo «%1» (su ID se asigna al guardarlo)</translation>
    </message>
    <message>
        <source>No e-mail address: give the patient the link shown after booking.</source>
        <translation>Sin correo electrónico: dé al paciente el enlace que se muestra tras la reserva.</translation>
    </message>
    <message>
        <source>Queued for %1 until mail is set up in Settings; the link and QR code are shown after booking.</source>
        <translation>En cola para %1 hasta que se configure el correo en Ajustes; el enlace y el código QR se muestran tras la reserva.</translation>
    </message>
    <message>
        <source>E-mailed to %1, and shown after booking.</source>
        <translation>Enviado por correo a %1 y mostrado tras la reserva.</translation>
    </message>
    <message>
        <source>dated %1</source>
        <translation>del %1</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) approved</source>
        <translation>
            <numerusform>%n sesión aprobada</numerusform>
            <numerusform>%n sesiones aprobadas</numerusform>
        </translation>
    </message>
    <message>
        <source>valid until %1</source>
        <translation>válida hasta el %1</translation>
    </message>
    <message>
        <source>Renews the case&apos;s referral: %1</source>
        <translation>Renueva la derivación del caso: %1</translation>
    </message>
    <message>
        <source>Choose a free slot.</source>
        <translation>Elija un hueco libre.</translation>
    </message>
    <message>
        <source>Booking…</source>
        <translation>Reservando…</translation>
    </message>
    <message>
        <source>The booking could not be saved (%1). Nothing was saved; try again.</source>
        <translation>No se pudo guardar la reserva (%1). No se ha guardado nada; inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>Discard this booking?</source>
        <translation>¿Descartar esta reserva?</translation>
    </message>
    <message>
        <source>Nothing has been booked yet. Discard what you typed?</source>
        <translation>Todavía no se ha reservado nada. ¿Descartar lo escrito?</translation>
    </message>
    <message>
        <source>&amp;Discard booking</source>
        <translation>&amp;Descartar reserva</translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation>&amp;Seguir editando</translation>
    </message>
</context>
<context>
    <name>CaseDecisionDialog</name>
    <message>
        <source>Update a case or open a separate one?</source>
        <translation>¿Actualizar un caso o abrir uno aparte?</translation>
    </message>
    <message>
        <source>This patient</source>
        <translation>Este paciente</translation>
    </message>
    <message>
        <source>%1 already has open cases. The new body parts are: %2.
Add them and this appointment to the selected case, or open a separate case?</source>
        <translation>%1 ya tiene casos abiertos. Las nuevas zonas del cuerpo son: %2.
¿Añadirlas junto con esta cita al caso seleccionado, o abrir un caso aparte?</translation>
    </message>
    <message>
        <source>Case ID</source>
        <translation>ID del caso</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Body parts</source>
        <translation>Zonas del cuerpo</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Abierto</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Derivación</translation>
    </message>
    <message>
        <source>&amp;Update selected case</source>
        <translation>&amp;Actualizar el caso seleccionado</translation>
    </message>
    <message>
        <source>Create &amp;separate case</source>
        <translation>Crear un caso &amp;aparte</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>CaseDesk</name>
    <message>
        <source>Something went wrong: {summary}

Nothing you saved is lost. Please tell whoever looks after this computer; the details are in:
{log}</source>
        <translation>Algo ha fallado: {summary}

No se ha perdido nada de lo guardado. Avise a quien se ocupe de este ordenador; los detalles están en:
{log}</translation>
    </message>
    <message>
        <source>CaseDesk cannot start because it cannot write to its data folder:
{folder}

({reason})

Please ask whoever looks after this computer to make this folder writable for you, or to set CASEDESK_DATA_DIR to a folder you can write to.</source>
        <translation>CaseDesk no puede iniciarse porque no puede escribir en su carpeta de datos:
{folder}

({reason})

Pida a quien se ocupe de este ordenador que le dé permiso de escritura en esta carpeta, o que defina CASEDESK_DATA_DIR con una carpeta en la que usted pueda escribir.</translation>
    </message>
    <message>
        <source>There is no CaseDesk database at
{path}

Create a new clinic here?</source>
        <translation>No hay ninguna base de datos de CaseDesk en
{path}

¿Crear aquí una clínica nueva?</translation>
    </message>
    <message>
        <source>The clinic&apos;s database is damaged; nothing was written to it.

Restore the newest backup, taken {when}? The damaged file is kept beside it.</source>
        <translation>La base de datos de la clínica está dañada; no se ha escrito nada en ella.

¿Restaurar la copia de seguridad más reciente, hecha el {when}? El archivo dañado se conserva a su lado.</translation>
    </message>
</context>
<context>
    <name>CasePage</name>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>What the patient comes for. * marks what is required.</source>
        <translation>Por qué viene el paciente. * indica lo obligatorio.</translation>
    </message>
    <message>
        <source>e.g. Knee pain after fall</source>
        <translation>p. ej. Dolor de rodilla tras una caída</translation>
    </message>
    <message>
        <source>Case &amp;title</source>
        <translation>&amp;Título del caso</translation>
    </message>
    <message>
        <source>&amp;Body parts</source>
        <translation>&amp;Zonas del cuerpo</translation>
    </message>
    <message>
        <source>Re&amp;ferral (optional)</source>
        <translation>&amp;Derivación (opcional)</translation>
    </message>
    <message>
        <source>GP, insurer or clinic that referred</source>
        <translation>Médico de cabecera, aseguradora o clínica que lo derivó</translation>
    </message>
    <message>
        <source>Referred b&amp;y</source>
        <translation>Deri&amp;vado por</translation>
    </message>
</context>
<context>
    <name>CasePanel</name>
    <message>
        <source>Open</source>
        <translation>Abierto</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrado</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Appointments of the case</source>
        <translation>Citas del caso</translation>
    </message>
    <message>
        <source>&amp;Case:</source>
        <translation>&amp;Caso:</translation>
    </message>
    <message>
        <source>Body parts:</source>
        <translation>Zonas del cuerpo:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Estado:</translation>
    </message>
    <message>
        <source>Opened:</source>
        <translation>Abierto:</translation>
    </message>
    <message>
        <source>Referral:</source>
        <translation>Derivación:</translation>
    </message>
    <message>
        <source>Merged in:</source>
        <translation>Fusionado:</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation>Citas</translation>
    </message>
    <message>
        <source>No cases yet</source>
        <translation>Aún no hay casos</translation>
    </message>
    <message>
        <source>Closed on {day}</source>
        <translation>Cerrado el {day}</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change my password</source>
        <translation>Cambiar mi contraseña</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Contraseña actual</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Contraseña nueva</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>Repita la contraseña nueva</translation>
    </message>
    <message>
        <source>The two new passwords are not the same.</source>
        <translation>Las dos contraseñas nuevas no coinciden.</translation>
    </message>
    <message>
        <source>Changing the password...</source>
        <translation>Cambiando la contraseña...</translation>
    </message>
</context>
<context>
    <name>ClinicForm</name>
    <message>
        <source>e.g. Green Park Physiotherapy</source>
        <translation>p. ej. Fisioterapia Parque Verde</translation>
    </message>
    <message>
        <source>Two-letter country code, used to read phone numbers</source>
        <translation>Código de país de dos letras, para leer los números de teléfono</translation>
    </message>
    <message>
        <source>Clinic &amp;name</source>
        <translation>&amp;Nombre de la clínica</translation>
    </message>
    <message>
        <source>&amp;Region (phone numbers)</source>
        <translation>&amp;Región (números de teléfono)</translation>
    </message>
    <message>
        <source>&amp;Time zone</source>
        <translation>&amp;Zona horaria</translation>
    </message>
    <message>
        <source>Enter the clinic&apos;s name.</source>
        <translation>Escriba el nombre de la clínica.</translation>
    </message>
</context>
<context>
    <name>ClinicFormat</name>
    <message numerus="yes">
        <source>%n appointment(s)</source>
        <translation>
            <numerusform>%n cita</numerusform>
            <numerusform>%n citas</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 used</source>
        <translation>usadas: %1</translation>
    </message>
    <message>
        <source>%1/%2 used</source>
        <translation>%1/%2 usadas</translation>
    </message>
    <message>
        <source>%1, until %2</source>
        <translation>%1, hasta %2</translation>
    </message>
</context>
<context>
    <name>ClinicTab</name>
    <message>
        <source>Link sent to patients</source>
        <translation>Enlace enviado a los pacientes</translation>
    </message>
    <message>
        <source>Applies when CaseDesk starts again.</source>
        <translation>Se aplica la próxima vez que se inicie CaseDesk.</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>The link may use {token} (required), {case_id} and {appointment_id}.</source>
        <translation>El enlace puede usar {token} (obligatorio), {case_id} y {appointment_id}.</translation>
    </message>
    <message>
        <source>Warn</source>
        <translation>Avisar</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Bloquear</translation>
    </message>
    <message>
        <source>Cancelled and no-show visits use a session</source>
        <translation>Las citas canceladas o a las que el paciente no acudió cuentan como sesión</translation>
    </message>
    <message>
        <source>Past a re&amp;ferral</source>
        <translation>Al superar la &amp;derivación</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>DD</source>
        <translation>DD</translation>
    </message>
    <message>
        <source>YYYY</source>
        <translation>AAAA</translation>
    </message>
    <message>
        <source>%1 or leave empty</source>
        <translation>%1 o déjelo vacío</translation>
    </message>
</context>
<context>
    <name>EditCaseDialog</name>
    <message>
        <source>Edit case %1</source>
        <translation>Editar el caso %1</translation>
    </message>
    <message>
        <source>Who referred the patient, if anyone</source>
        <translation>Quién derivó al paciente, si alguien lo hizo</translation>
    </message>
    <message>
        <source>Body parts; untick one added by mistake</source>
        <translation>Zonas del cuerpo; desmarque la añadida por error</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Título</translation>
    </message>
    <message>
        <source>&amp;Referral</source>
        <translation>&amp;Derivación</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notas</translation>
    </message>
    <message>
        <source>&amp;Body parts</source>
        <translation>&amp;Zonas del cuerpo</translation>
    </message>
    <message>
        <source>Untick a body part added by mistake; a case keeps at least one.</source>
        <translation>Desmarque la zona del cuerpo añadida por error; un caso conserva al menos una.</translation>
    </message>
    <message>
        <source>Saving...</source>
        <translation>Guardando...</translation>
    </message>
</context>
<context>
    <name>EditPatientDialog</name>
    <message>
        <source>Edit patient</source>
        <translation>Editar paciente</translation>
    </message>
    <message>
        <source>Saving...</source>
        <translation>Guardando...</translation>
    </message>
</context>
<context>
    <name>ExpiringReferralsModel</name>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Derivación</translation>
    </message>
</context>
<context>
    <name>ExpiringReferralsView</name>
    <message numerus="yes">
        <source>%n referral(s) expiring in 14 days.</source>
        <translation>
            <numerusform>%n derivación vence en los próximos 14 días.</numerusform>
            <numerusform>%n derivaciones vencen en los próximos 14 días.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportAction</name>
    <message>
        <source>&amp;Export...</source>
        <translation>&amp;Exportar...</translation>
    </message>
    <message>
        <source>Export the clinic (FHIR R4)</source>
        <translation>Exportar la clínica (FHIR R4)</translation>
    </message>
    <message>
        <source>FHIR Bundle (*.json)</source>
        <translation>Paquete FHIR (*.json)</translation>
    </message>
    <message>
        <source>Exporting the clinic...</source>
        <translation>Exportando la clínica...</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n FHIR resource(s) to {file}.</source>
        <translation>
            <numerusform>Exportado %n recurso FHIR a {file}.</numerusform>
            <numerusform>Exportados %n recursos FHIR a {file}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>The clinic was not exported. {reason}</source>
        <translation>No se ha exportado la clínica. {reason}</translation>
    </message>
</context>
<context>
    <name>FirstAdminBox</name>
    <message>
        <source>Protect this desk with a sign-in (optional)</source>
        <translation>Proteger este puesto con inicio de sesión (opcional)</translation>
    </message>
    <message>
        <source>The first administrator, who adds the other staff in Settings &gt; Accounts. Leave empty to open CaseDesk without a sign-in.</source>
        <translation>El primer administrador, que añade al resto del personal en Ajustes &gt; Cuentas. Déjelo vacío para abrir CaseDesk sin iniciar sesión.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Repita la contraseña</translation>
    </message>
    <message>
        <source>Enter a user name, or leave all three fields empty.</source>
        <translation>Escriba un nombre de usuario, o deje vacíos los tres campos.</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>Las dos contraseñas no coinciden.</translation>
    </message>
</context>
<context>
    <name>FirstLaunchDialog</name>
    <message>
        <source>Welcome to %1</source>
        <translation>Bienvenido a %1</translation>
    </message>
    <message>
        <source>Tell CaseDesk about your clinic and its first practitioner. You can change all of this later in Settings. * marks what is required.</source>
        <translation>Indique a CaseDesk los datos de su clínica y de su primer profesional. Puede cambiarlo todo más tarde en Ajustes. * indica lo obligatorio.</translation>
    </message>
    <message>
        <source>Clinic</source>
        <translation>Clínica</translation>
    </message>
    <message>
        <source>First practitioner</source>
        <translation>Primer profesional</translation>
    </message>
    <message>
        <source>&amp;Start using CaseDesk</source>
        <translation>&amp;Empezar a usar CaseDesk</translation>
    </message>
    <message>
        <source>Try with &amp;demo data</source>
        <translation>Probar con datos de &amp;demostración</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Opens a separate demo database with made-up patients; nothing real is touched.</source>
        <translation>Abre una base de datos de demostración aparte con pacientes inventados; no se toca nada real.</translation>
    </message>
    <message>
        <source>Patient link and e-mail</source>
        <translation>Enlace del paciente y correo</translation>
    </message>
    <message>
        <source>https://your-booking-site/a/{token}</source>
        <translation>https://su-sitio-de-reservas/a/{token}</translation>
    </message>
    <message>
        <source>The link is the address each patient gets to confirm their appointment; it must contain {token}. E-mail is set up in File &gt; Settings &gt; Mail. Both can be done later in File &gt; Settings: until the link is set, CaseDesk tells you at each booking, and messages wait in the Outbox until mail is set up.</source>
        <translation>El enlace es la dirección que recibe cada paciente para confirmar su cita; debe contener {token}. El correo se configura en Archivo &gt; Ajustes &gt; Correo. Ambas cosas pueden hacerse más tarde en Archivo &gt; Ajustes: mientras el enlace no esté configurado, CaseDesk se lo recuerda en cada reserva, y los mensajes esperan en la Bandeja de salida hasta que se configure el correo.</translation>
    </message>
    <message>
        <source>Patient &amp;link</source>
        <translation>&amp;Enlace del paciente</translation>
    </message>
    <message>
        <source>Please correct the fields marked above.</source>
        <translation>Corrija los campos marcados arriba.</translation>
    </message>
    <message>
        <source>Saving...</source>
        <translation>Guardando...</translation>
    </message>
    <message>
        <source>Preparing the demo clinic...</source>
        <translation>Preparando la clínica de demostración...</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>History of %1</source>
        <translation>Historial de %1</translation>
    </message>
    <message>
        <source>Reading the history…</source>
        <translation>Leyendo el historial…</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) and access(es), newest first.</source>
        <translation>
            <numerusform>%n cambio o acceso, del más reciente al más antiguo.</numerusform>
            <numerusform>%n cambios y accesos, del más reciente al más antiguo.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing recorded yet.</source>
        <translation>Aún no hay nada registrado.</translation>
    </message>
    <message>
        <source>%1 set to %2</source>
        <translation>%1 establecido en %2</translation>
    </message>
    <message>
        <source>%1 cleared (was %2)</source>
        <translation>%1 borrado (era %2)</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>Registered the patient</source>
        <translation>Registró al paciente</translation>
    </message>
    <message>
        <source>Changed the patient&apos;s details</source>
        <translation>Cambió los datos del paciente</translation>
    </message>
    <message>
        <source>Opened the patient&apos;s record</source>
        <translation>Abrió la ficha del paciente</translation>
    </message>
    <message>
        <source>Merged another record into this patient</source>
        <translation>Fusionó otra ficha en este paciente</translation>
    </message>
    <message>
        <source>Merged record %1 into another patient</source>
        <translation>Fusionó la ficha %1 en otro paciente</translation>
    </message>
    <message>
        <source>Undid the merge of another record into this patient</source>
        <translation>Deshizo la fusión de otra ficha en este paciente</translation>
    </message>
    <message>
        <source>Separated record %1 again (merge undone)</source>
        <translation>Separó de nuevo la ficha %1 (fusión deshecha)</translation>
    </message>
    <message>
        <source>Moved case %1 to another patient record</source>
        <translation>Pasó el caso %1 a otra ficha de paciente</translation>
    </message>
    <message>
        <source>Opened case %1</source>
        <translation>Abrió el caso %1</translation>
    </message>
    <message>
        <source>Changed case %1</source>
        <translation>Cambió el caso %1</translation>
    </message>
    <message>
        <source>Closed case %1</source>
        <translation>Cerró el caso %1</translation>
    </message>
    <message>
        <source>Reopened case %1</source>
        <translation>Reabrió el caso %1</translation>
    </message>
    <message>
        <source>Merged another case into case %1</source>
        <translation>Fusionó otro caso en el caso %1</translation>
    </message>
    <message>
        <source>Undid the merge into case %1</source>
        <translation>Deshizo la fusión en el caso %1</translation>
    </message>
    <message>
        <source>Booked appointment %1</source>
        <translation>Reservó la cita %1</translation>
    </message>
    <message>
        <source>Booked appointment %1 outside the usual hours</source>
        <translation>Reservó la cita %1 fuera del horario habitual</translation>
    </message>
    <message>
        <source>Moved appointment %1</source>
        <translation>Movió la cita %1</translation>
    </message>
    <message>
        <source>Confirmed appointment %1</source>
        <translation>Confirmó la cita %1</translation>
    </message>
    <message>
        <source>Marked appointment %1 as arrived</source>
        <translation>Marcó la cita %1 como «ha llegado»</translation>
    </message>
    <message>
        <source>Marked appointment %1 as completed</source>
        <translation>Marcó la cita %1 como realizada</translation>
    </message>
    <message>
        <source>Cancelled appointment %1</source>
        <translation>Canceló la cita %1</translation>
    </message>
    <message>
        <source>Marked appointment %1 as a no-show</source>
        <translation>Marcó la cita %1 como «no acudió»</translation>
    </message>
</context>
<context>
    <name>HoursEditor</name>
    <message>
        <source>Monday</source>
        <translation>Lunes</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>Martes</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>Miércoles</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>Jueves</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>Viernes</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>Sábado</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>Domingo</translation>
    </message>
    <message>
        <source>09:00-13:00, 14:00-17:00</source>
        <translation>09:00-13:00, 14:00-17:00</translation>
    </message>
</context>
<context>
    <name>ImportPatientsDialog</name>
    <message>
        <source>Import patients</source>
        <translation>Importar pacientes</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Apellidos</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexo</translation>
    </message>
    <message>
        <source>No file chosen.</source>
        <translation>No se ha elegido ningún archivo.</translation>
    </message>
    <message>
        <source>&amp;Choose file...</source>
        <translation>&amp;Elegir archivo...</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importar</translation>
    </message>
    <message>
        <source>&amp;Save refused rows...</source>
        <translation>&amp;Guardar filas rechazadas...</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt)</source>
        <translation>Archivos CSV (*.csv *.txt)</translation>
    </message>
    <message>
        <source>(not in the file)</source>
        <translation>(no está en el archivo)</translation>
    </message>
    <message>
        <source>Choose the columns holding the first and last names.</source>
        <translation>Elija las columnas que contienen el nombre y los apellidos.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) in the file; the first are shown.</source>
        <translation>
            <numerusform>%n fila en el archivo; se muestran las primeras.</numerusform>
            <numerusform>%n filas en el archivo; se muestran las primeras.</numerusform>
        </translation>
    </message>
    <message>
        <source>Importing...</source>
        <translation>Importando...</translation>
    </message>
    <message>
        <source>Imported %1, skipped %2, refused %3.</source>
        <translation>Importados %1, omitidos %2, rechazados %3.</translation>
    </message>
    <message>
        <source>Save refused rows</source>
        <translation>Guardar filas rechazadas</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Refused rows saved to %1.</source>
        <translation>Filas rechazadas guardadas en %1.</translation>
    </message>
    <message>
        <source>&amp;Import patients...</source>
        <translation>&amp;Importar pacientes...</translation>
    </message>
</context>
<context>
    <name>MailSettingsDialog</name>
    <message>
        <source>Mail settings</source>
        <translation>Ajustes de correo</translation>
    </message>
</context>
<context>
    <name>MailSettingsPage</name>
    <message>
        <source>STARTTLS (port 587)</source>
        <translation>STARTTLS (puerto 587)</translation>
    </message>
    <message>
        <source>TLS (port 465)</source>
        <translation>TLS (puerto 465)</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguna</translation>
    </message>
    <message>
        <source>Outgoing mail server</source>
        <translation>Servidor de correo saliente</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Puerto</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Seguridad</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Sender address</source>
        <translation>Dirección del remitente</translation>
    </message>
    <message>
        <source>Message to the patient</source>
        <translation>Mensaje al paciente</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Asunto</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>Placeholders: </source>
        <translation>Marcadores: </translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <source>your address, to receive the test</source>
        <translation>su dirección, para recibir la prueba</translation>
    </message>
    <message>
        <source>Send &amp;test message</source>
        <translation>Enviar mensaje de &amp;prueba</translation>
    </message>
    <message>
        <source>Subject: {subject}</source>
        <translation>Asunto: {subject}</translation>
    </message>
    <message>
        <source>Sending the test message…</source>
        <translation>Enviando el mensaje de prueba…</translation>
    </message>
    <message>
        <source>Sending failed: {why}</source>
        <translation>El envío falló: {why}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Patients</source>
        <translation>&amp;Pacientes</translation>
    </message>
    <message>
        <source>Appointment &amp;book</source>
        <translation>&amp;Agenda de citas</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>&amp;Patient</source>
        <translation>&amp;Paciente</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>&amp;Caso</translation>
    </message>
    <message>
        <source>&amp;Appointment</source>
        <translation>C&amp;ita</translation>
    </message>
    <message>
        <source>Demo clinic — synthetic patients, not the real desk</source>
        <translation>Clínica de demostración: pacientes ficticios, no la recepción real</translation>
    </message>
    <message>
        <source>Connected to the database again.</source>
        <translation>Conectado de nuevo a la base de datos.</translation>
    </message>
    <message>
        <source>Lost the connection to the database; trying again. </source>
        <translation>Se perdió la conexión con la base de datos; reintentando. </translation>
    </message>
    <message>
        <source>Nothing typed is lost.</source>
        <translation>No se pierde nada de lo escrito.</translation>
    </message>
    <message>
        <source>Link copied.</source>
        <translation>Enlace copiado.</translation>
    </message>
</context>
<context>
    <name>MergeCasesDialog</name>
    <message>
        <source>Merge cases</source>
        <translation>Fusionar casos</translation>
    </message>
    <message>
        <source>&amp;Merge into {code}</source>
        <translation>&amp;Fusionar en {code}</translation>
    </message>
    <message>
        <source>Keep:</source>
        <translation>Conservar:</translation>
    </message>
    <message>
        <source>Merge in:</source>
        <translation>Fusionar:</translation>
    </message>
    <message>
        <source>This patient has no other case to merge.</source>
        <translation>Este paciente no tiene otro caso que fusionar.</translation>
    </message>
    <message>
        <source>Reading the cases...</source>
        <translation>Leyendo los casos...</translation>
    </message>
    <message numerus="yes">
        <source>%n appointment(s) will move from {other} to {keep}.</source>
        <translation>
            <numerusform>%n cita pasará de {other} a {keep}.</numerusform>
            <numerusform>%n citas pasarán de {other} a {keep}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Body parts added to {keep}: {parts}.</source>
        <translation>Zonas del cuerpo añadidas a {keep}: {parts}.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguna</translation>
    </message>
    <message>
        <source>{other} stays findable and leads to {keep}. You can undo the merge.</source>
        <translation>{other} se puede seguir buscando y lleva a {keep}. Puede deshacer la fusión.</translation>
    </message>
</context>
<context>
    <name>Messaging</name>
    <message>
        <source>Outbox</source>
        <translation>Bandeja de salida</translation>
    </message>
    <message>
        <source>Reservations to follow up</source>
        <translation>Reservas pendientes de seguimiento</translation>
    </message>
    <message>
        <source>&amp;Outbox</source>
        <translation>&amp;Bandeja de salida</translation>
    </message>
    <message>
        <source>&amp;Reservations to follow up</source>
        <translation>&amp;Reservas pendientes de seguimiento</translation>
    </message>
    <message>
        <source>&amp;Send waiting messages now</source>
        <translation>&amp;Enviar ahora los mensajes en espera</translation>
    </message>
    <message>
        <source>&amp;Messages</source>
        <translation>&amp;Mensajes</translation>
    </message>
</context>
<context>
    <name>MoveAppointmentDialog</name>
    <message>
        <source>Move appointment</source>
        <translation>Mover cita</translation>
    </message>
    <message>
        <source>Now: %1 with %2</source>
        <translation>Ahora: %1 con %2</translation>
    </message>
    <message>
        <source>New start, clinic time</source>
        <translation>Nuevo inicio, hora de la clínica</translation>
    </message>
    <message>
        <source>&amp;Move</source>
        <translation>&amp;Mover</translation>
    </message>
    <message>
        <source>New &amp;start (%1)</source>
        <translation>Nuevo &amp;inicio (%1)</translation>
    </message>
    <message>
        <source>Moving…</source>
        <translation>Moviendo…</translation>
    </message>
</context>
<context>
    <name>OutboxModel</name>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Para</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Asunto</translation>
    </message>
    <message>
        <source>Tries</source>
        <translation>Intentos</translation>
    </message>
    <message>
        <source>Next try / sent</source>
        <translation>Próximo intento / enviado</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
</context>
<context>
    <name>OutboxView</name>
    <message>
        <source>&amp;Retry now</source>
        <translation>&amp;Reintentar ahora</translation>
    </message>
    <message>
        <source>&amp;Cancel message</source>
        <translation>&amp;Cancelar mensaje</translation>
    </message>
    <message>
        <source>&amp;Send now</source>
        <translation>&amp;Enviar ahora</translation>
    </message>
    <message>
        <source>Mail is not set up: messages wait here until a mail server is entered.</source>
        <translation>El correo no está configurado: los mensajes esperan aquí hasta que se indique un servidor de correo.</translation>
    </message>
    <message>
        <source>Message #{id} will be tried now.</source>
        <translation>El mensaje n.º {id} se intentará ahora.</translation>
    </message>
    <message>
        <source>Message #{id} is cancelled and will not be sent.</source>
        <translation>El mensaje n.º {id} está cancelado y no se enviará.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Enviando…</translation>
    </message>
    <message>
        <source>Sent {sent}, failed {failed}; {waiting} waiting.</source>
        <translation>Enviados {sent}, fallidos {failed}; {waiting} en espera.</translation>
    </message>
    <message>
        <source>The sender could not run: {why}</source>
        <translation>No se pudo ejecutar el envío: {why}</translation>
    </message>
</context>
<context>
    <name>PatientForm</name>
    <message>
        <source>Not given</source>
        <translation>No indicado</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Mujer</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Hombre</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <source>e.g. +91 98123 45678</source>
        <translation>p. ej. +34 612 34 56 78</translation>
    </message>
    <message>
        <source>F&amp;irst name</source>
        <translation>No&amp;mbre</translation>
    </message>
    <message>
        <source>&amp;Last name</source>
        <translation>&amp;Apellidos</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Teléfono</translation>
    </message>
    <message>
        <source>E-&amp;mail (for the link)</source>
        <translation>Co&amp;rreo electrónico (para el enlace)</translation>
    </message>
    <message>
        <source>&amp;Date of birth</source>
        <translation>&amp;Fecha de nacimiento</translation>
    </message>
    <message>
        <source>Se&amp;x</source>
        <translation>Se&amp;xo</translation>
    </message>
    <message>
        <source>Type a real date (%1).</source>
        <translation>Escriba una fecha real (%1).</translation>
    </message>
</context>
<context>
    <name>PatientListModel</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abierto</translation>
    </message>
</context>
<context>
    <name>PatientMergeCommands</name>
    <message>
        <source>{other} was merged into {keep}.</source>
        <translation>{other} se fusionó en {keep}.</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>Saving...</source>
        <translation>Guardando...</translation>
    </message>
    <message>
        <source>Merge undone: {other} and {keep} are separate records again.</source>
        <translation>Fusión deshecha: {other} y {keep} vuelven a ser fichas separadas.</translation>
    </message>
</context>
<context>
    <name>PatientMergeDialog</name>
    <message>
        <source>First name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Apellidos</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexo</translation>
    </message>
    <message>
        <source>Merge with another record</source>
        <translation>Fusionar con otra ficha</translation>
    </message>
    <message>
        <source>Keep: {name}, {phone}</source>
        <translation>Conservar: {name}, {phone}</translation>
    </message>
    <message>
        <source>Find the other record: name, phone or case ID</source>
        <translation>Buscar la otra ficha: nombre, teléfono o ID de caso</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>This record</source>
        <translation>Esta ficha</translation>
    </message>
    <message>
        <source>The other record</source>
        <translation>La otra ficha</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>&amp;Fusionar</translation>
    </message>
    <message>
        <source>Reading both records…</source>
        <translation>Leyendo las dos fichas…</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vacío)</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s),</source>
        <translation>
            <numerusform>%n caso,</numerusform>
            <numerusform>%n casos,</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n appointment(s) and</source>
        <translation>
            <numerusform>%n cita y</numerusform>
            <numerusform>%n citas y</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) move to this record.</source>
        <translation>
            <numerusform>%n mensaje pasan a esta ficha.</numerusform>
            <numerusform>%n mensajes pasan a esta ficha.</numerusform>
        </translation>
    </message>
    <message>
        <source>The other record stays findable by its details and leads here. You can undo the merge.</source>
        <translation>La otra ficha se sigue encontrando por sus datos y lleva a esta. Puede deshacer la fusión.</translation>
    </message>
    <message>
        <source>Merging…</source>
        <translation>Fusionando…</translation>
    </message>
</context>
<context>
    <name>PatientPage</name>
    <message>
        <source>{name}, {phone}, born {born}</source>
        <translation>{name}, {phone}, nacido/a el {born}</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Find the patient, or register a new one. * marks what is required.</source>
        <translation>Busque al paciente o registre uno nuevo. * indica lo obligatorio.</translation>
    </message>
    <message>
        <source>Name, phone number or case ID</source>
        <translation>Nombre, teléfono o ID del caso</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>Casos abiertos</translation>
    </message>
    <message>
        <source>&amp;Find a patient:</source>
        <translation>&amp;Buscar un paciente:</translation>
    </message>
    <message>
        <source>New patient</source>
        <translation>Paciente nuevo</translation>
    </message>
    <message>
        <source>&amp;Use this patient</source>
        <translation>&amp;Usar este paciente</translation>
    </message>
    <message>
        <source>This patient may already be registered (same phone, or same name and date of birth):</source>
        <translation>Puede que este paciente ya esté registrado (mismo teléfono, o mismo nombre y fecha de nacimiento):</translation>
    </message>
    <message>
        <source>Booking for</source>
        <translation>Reserva para</translation>
    </message>
    <message>
        <source>&amp;Register a new patient instead</source>
        <translation>&amp;Registrar un paciente nuevo en su lugar</translation>
    </message>
    <message>
        <source>That patient is no longer registered.</source>
        <translation>Ese paciente ya no está registrado.</translation>
    </message>
    <message>
        <source>Patient %1</source>
        <translation>Paciente %1</translation>
    </message>
    <message>
        <source>Showing %1 of %2; type more to narrow down.</source>
        <translation>Se muestran %1 de %2; escriba más para acotar.</translation>
    </message>
    <message>
        <source>No patient matches; register a new one below.</source>
        <translation>Ningún paciente coincide; registre uno nuevo abajo.</translation>
    </message>
</context>
<context>
    <name>PatientPane</name>
    <message>
        <source>Find patient by name, phone or case ID (Ctrl+F)</source>
        <translation>Buscar paciente por nombre, teléfono o ID del caso (Ctrl+F)</translation>
    </message>
    <message>
        <source>Find patient</source>
        <translation>Buscar paciente</translation>
    </message>
    <message>
        <source>Patients</source>
        <translation>Pacientes</translation>
    </message>
    <message>
        <source>Searching...</source>
        <translation>Buscando...</translation>
    </message>
    <message>
        <source>No patient matches</source>
        <translation>Ningún paciente coincide</translation>
    </message>
    <message>
        <source>No patients yet</source>
        <translation>Aún no hay pacientes</translation>
    </message>
    <message numerus="yes">
        <source>{count} patient(s)</source>
        <translation>
            <numerusform>{count} paciente</numerusform>
            <numerusform>{count} pacientes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PatientPanel</name>
    <message>
        <source>Female</source>
        <translation>Mujer</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Hombre</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Teléfono:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>Correo electrónico:</translation>
    </message>
    <message>
        <source>Date of birth:</source>
        <translation>Fecha de nacimiento:</translation>
    </message>
    <message>
        <source>Sex:</source>
        <translation>Sexo:</translation>
    </message>
    <message>
        <source>Select a patient on the left, or press Ctrl+N for a new booking.</source>
        <translation>Seleccione un paciente a la izquierda o pulse Ctrl+N para una nueva reserva.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>no indicado</translation>
    </message>
</context>
<context>
    <name>PractitionerForm</name>
    <message>
        <source>e.g. Dr Asha Rao</source>
        <translation>p. ej. Dra. Lucía Pérez</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Practitioner</source>
        <translation>Profesional</translation>
    </message>
    <message>
        <source>Appointment length</source>
        <translation>Duración de la cita</translation>
    </message>
    <message>
        <source>Working hours</source>
        <translation>Horario de trabajo</translation>
    </message>
    <message>
        <source>Enter the practitioner&apos;s name.</source>
        <translation>Escriba el nombre del profesional.</translation>
    </message>
</context>
<context>
    <name>PractitionersPanel</name>
    <message>
        <source>Takes appointments</source>
        <translation>Acepta citas</translation>
    </message>
    <message>
        <source>&amp;New practitioner</source>
        <translation>&amp;Nuevo profesional</translation>
    </message>
    <message>
        <source>Save &amp;practitioner</source>
        <translation>Guardar &amp;profesional</translation>
    </message>
    <message>
        <source>%1 (not taking appointments)</source>
        <translation>%1 (no acepta citas)</translation>
    </message>
    <message>
        <source>a new practitioner</source>
        <translation>un profesional nuevo</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>Guardado: %1.</translation>
    </message>
    <message>
        <source>Saving...</source>
        <translation>Guardando...</translation>
    </message>
</context>
<context>
    <name>PrintDay</name>
    <message>
        <source>Day list</source>
        <translation>Lista del día</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Body parts</source>
        <translation>Zonas del cuerpo</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Sessions left</source>
        <translation>Sesiones restantes</translation>
    </message>
    <message>
        <source>No appointments.</source>
        <translation>No hay citas.</translation>
    </message>
    <message>
        <source>No practitioners.</source>
        <translation>No hay profesionales.</translation>
    </message>
</context>
<context>
    <name>PrintDayAction</name>
    <message>
        <source>Print &amp;day...</source>
        <translation>Imprimir &amp;día...</translation>
    </message>
    <message>
        <source>Save the day list</source>
        <translation>Guardar la lista del día</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The day list is saved in {file}.</source>
        <translation>La lista del día se ha guardado en {file}.</translation>
    </message>
    <message>
        <source>Print day</source>
        <translation>Imprimir día</translation>
    </message>
    <message>
        <source>The day list was not printed. {reason}</source>
        <translation>La lista del día no se ha impreso. {reason}</translation>
    </message>
</context>
<context>
    <name>PrintDayDialog</name>
    <message>
        <source>Print day</source>
        <translation>Imprimir día</translation>
    </message>
    <message>
        <source>All practitioners (a page each)</source>
        <translation>Todos los profesionales (una página cada uno)</translation>
    </message>
    <message>
        <source>Day:</source>
        <translation>Día:</translation>
    </message>
    <message>
        <source>Practitioner:</source>
        <translation>Profesional:</translation>
    </message>
    <message>
        <source>&amp;Save as PDF...</source>
        <translation>&amp;Guardar como PDF...</translation>
    </message>
    <message>
        <source>&amp;Print...</source>
        <translation>&amp;Imprimir...</translation>
    </message>
    <message>
        <source>No printer is set up on this computer.</source>
        <translation>No hay ninguna impresora configurada en este equipo.</translation>
    </message>
</context>
<context>
    <name>QWidget</name>
    <message>
        <source>No e-mail: call or WhatsApp</source>
        <translation>Sin correo: llame o escriba por WhatsApp</translation>
    </message>
</context>
<context>
    <name>RecordTableView</name>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
</context>
<context>
    <name>ReferralFields</name>
    <message>
        <source>No limit</source>
        <translation>Sin límite</translation>
    </message>
    <message>
        <source>Approved sessions</source>
        <translation>Sesiones aprobadas</translation>
    </message>
    <message>
        <source>Referral &amp;date</source>
        <translation>&amp;Fecha de derivación</translation>
    </message>
    <message>
        <source>Valid &amp;until</source>
        <translation>Válida &amp;hasta</translation>
    </message>
    <message>
        <source>Approved &amp;sessions</source>
        <translation>Sesiones a&amp;probadas</translation>
    </message>
    <message>
        <source>referral date</source>
        <translation>fecha de derivación</translation>
    </message>
    <message>
        <source>valid-until date</source>
        <translation>fecha «válida hasta»</translation>
    </message>
    <message>
        <source>The %1 is not a date; type it as %2 or leave it empty.</source>
        <translation>La %1 no es una fecha; escríbala como %2 o déjela vacía.</translation>
    </message>
    <message>
        <source>The referral cannot run out before it was written.</source>
        <translation>La derivación no puede vencer antes de la fecha en que se emitió.</translation>
    </message>
</context>
<context>
    <name>ReservationsModel</name>
    <message>
        <source>Appointment</source>
        <translation>Cita</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Practitioner</source>
        <translation>Profesional</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En espera</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} h</translation>
    </message>
</context>
<context>
    <name>ReservationsView</name>
    <message>
        <source>&amp;Confirm</source>
        <translation>&amp;Confirmar</translation>
    </message>
    <message>
        <source>&amp;Resend link</source>
        <translation>&amp;Reenviar enlace</translation>
    </message>
    <message>
        <source>Open in &amp;WhatsApp</source>
        <translation>Abrir en &amp;WhatsApp</translation>
    </message>
    <message>
        <source>Cancel &amp;appointment</source>
        <translation>Cancelar &amp;cita</translation>
    </message>
    <message numerus="yes">
        <source>%n reservation(s) unconfirmed for more than {hours} hours.</source>
        <translation>
            <numerusform>%n reserva sin confirmar desde hace más de {hours} horas.</numerusform>
            <numerusform>%n reservas sin confirmar desde hace más de {hours} horas.</numerusform>
        </translation>
    </message>
    <message>
        <source>Confirmed.</source>
        <translation>Confirmada.</translation>
    </message>
    <message>
        <source>Cancelled; the slot is free again.</source>
        <translation>Cancelada; el hueco vuelve a estar libre.</translation>
    </message>
    <message>
        <source>The link goes out again to {email}.</source>
        <translation>El enlace se envía de nuevo a {email}.</translation>
    </message>
    <message>
        <source>No e-mail address: the message is copied. Paste it in WhatsApp or a text message.</source>
        <translation>Sin correo electrónico: el mensaje se ha copiado. Péguelo en WhatsApp o en un SMS.</translation>
    </message>
    <message>
        <source>WhatsApp could not be opened; the message is copied.</source>
        <translation>No se pudo abrir WhatsApp; el mensaje se ha copiado.</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from backup</source>
        <translation>Restaurar desde copia de seguridad</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Hecha</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Clase</translation>
    </message>
    <message>
        <source>Reading the backups folder...</source>
        <translation>Leyendo la carpeta de copias de seguridad...</translation>
    </message>
    <message>
        <source>&amp;Restore...</source>
        <translation>&amp;Restaurar...</translation>
    </message>
    <message>
        <source>The newest backup is at the top.</source>
        <translation>La copia más reciente está arriba.</translation>
    </message>
    <message>
        <source>There are no backups yet.</source>
        <translation>Aún no hay copias de seguridad.</translation>
    </message>
    <message>
        <source>Replace the clinic&apos;s database with the backup taken {when}?

Everything entered since then is replaced; the database as it is now is backed up first. The window reopens on the restored database.</source>
        <translation>¿Sustituir la base de datos de la clínica por la copia hecha el {when}?

Todo lo introducido desde entonces se sustituye; antes se hace una copia de la base de datos tal como está ahora. La ventana se vuelve a abrir con la base de datos restaurada.</translation>
    </message>
    <message>
        <source>Only an administrator can restore a backup.</source>
        <translation>Solo un administrador puede restaurar una copia de seguridad.</translation>
    </message>
    <message>
        <source>Restoring...</source>
        <translation>Restaurando...</translation>
    </message>
    <message>
        <source>Please close CaseDesk and start it again. ({why})</source>
        <translation>Cierre CaseDesk y vuelva a iniciarlo. ({why})</translation>
    </message>
    <message>
        <source>The backup was not restored: {why}</source>
        <translation>No se ha restaurado la copia: {why}</translation>
    </message>
    <message>
        <source>The backup was restored.</source>
        <translation>Se ha restaurado la copia.</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Review</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <source>This is what will be saved. Go back to change anything.</source>
        <translation>Esto es lo que se guardará. Vuelva atrás para cambiar algo.</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Body parts</source>
        <translation>Zonas del cuerpo</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Derivación</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Cita</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Enlace</translation>
    </message>
    <message>
        <source>The patient link is not set up yet: it points to a placeholder address that does not open anything. Set the clinic&apos;s booking address in File &gt; Settings &gt; Clinic.</source>
        <translation>El enlace del paciente aún no está configurado: apunta a una dirección de ejemplo que no abre nada. Indique la dirección de reservas de la clínica en Archivo &gt; Ajustes &gt; Clínica.</translation>
    </message>
</context>
<context>
    <name>RoleActions</name>
    <message>
        <source>Needs an administrator account</source>
        <translation>Requiere una cuenta de administrador</translation>
    </message>
    <message>
        <source>Needs a reception or admin account</source>
        <translation>Requiere una cuenta de recepción o de administrador</translation>
    </message>
    <message>
        <source>A practitioner changes appointments in their own book only</source>
        <translation>Un profesional solo cambia las citas de su propia agenda</translation>
    </message>
</context>
<context>
    <name>Runner</name>
    <message>
        <source>Something unexpected went wrong; nothing was changed. Details are in the log.</source>
        <translation>Algo inesperado ha fallado; no se ha cambiado nada. Los detalles están en el registro.</translation>
    </message>
</context>
<context>
    <name>ScheduleModel</name>
    <message>
        <source>past hold: call</source>
        <translation>plazo vencido: llamar</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Libre</translation>
    </message>
    <message>
        <source>Break</source>
        <translation>Descanso</translation>
    </message>
    <message>
        <source>Time off</source>
        <translation>Ausencia</translation>
    </message>
    <message>
        <source>Outside working hours</source>
        <translation>Fuera del horario de trabajo</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>&amp;Clinic</source>
        <translation>&amp;Clínica</translation>
    </message>
    <message>
        <source>&amp;Practitioners</source>
        <translation>&amp;Profesionales</translation>
    </message>
    <message>
        <source>&amp;Time off</source>
        <translation>&amp;Ausencias</translation>
    </message>
    <message>
        <source>&amp;Mail</source>
        <translation>C&amp;orreo</translation>
    </message>
    <message>
        <source>Another desk changed these settings. Your changes on the {tabs} tab are not saved yet: Save keeps yours, Close and Discard shows theirs.</source>
        <translation>Otro puesto ha cambiado estos ajustes. Sus cambios en la pestaña {tabs} aún no están guardados: Guardar conserva los suyos; Cerrar y Descartar muestra los del otro puesto.</translation>
    </message>
    <message>
        <source>Not saved: please complete the fields marked on the {tab} tab.</source>
        <translation>No guardado: complete los campos marcados en la pestaña {tab}.</translation>
    </message>
    <message>
        <source>Saving...</source>
        <translation>Guardando...</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <source>Unsaved settings</source>
        <translation>Ajustes sin guardar</translation>
    </message>
    <message>
        <source>Changes on the {tabs} tab are not saved.</source>
        <translation>Los cambios de la pestaña {tabs} no están guardados.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Orden</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in — %1</source>
        <translation>Iniciar sesión — %1</translation>
    </message>
    <message>
        <source>The desk was locked. Sign in to go on where you left off.</source>
        <translation>El puesto se ha bloqueado. Inicie sesión para seguir donde lo dejó.</translation>
    </message>
    <message>
        <source>Sign in with your staff account.</source>
        <translation>Inicie sesión con su cuenta de personal.</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Iniciar sesión</translation>
    </message>
    <message>
        <source>&amp;Quit CaseDesk</source>
        <translation>&amp;Salir de CaseDesk</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>Nombre de &amp;usuario</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Contraseña</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>Escriba su nombre de usuario.</translation>
    </message>
    <message>
        <source>Signing in...</source>
        <translation>Iniciando sesión...</translation>
    </message>
</context>
<context>
    <name>SignInGate</name>
    <message>
        <source>S&amp;witch user...</source>
        <translation>Cambiar de &amp;usuario...</translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation>&amp;Bloquear ahora</translation>
    </message>
    <message>
        <source>Change my &amp;password...</source>
        <translation>Cambiar mi &amp;contraseña...</translation>
    </message>
    <message>
        <source>%1 is locked.</source>
        <translation>%1 está bloqueado.</translation>
    </message>
    <message>
        <source>Sign in to use %1.</source>
        <translation>Inicie sesión para usar %1.</translation>
    </message>
    <message>
        <source>Signed in: %1 (%2)</source>
        <translation>Sesión iniciada: %1 (%2)</translation>
    </message>
    <message>
        <source>Reception</source>
        <translation>Recepción</translation>
    </message>
    <message>
        <source>Practitioner</source>
        <translation>Profesional</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrador</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Reserved</source>
        <translation>Reservada</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmada</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>Ha llegado</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Realizada</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>No acudió</translation>
    </message>
    <message>
        <source>Waiting to send</source>
        <translation>Pendiente de envío</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Enviando</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <source>Failed, will retry</source>
        <translation>Falló, se reintentará</translation>
    </message>
    <message>
        <source>No e-mail</source>
        <translation>Sin correo</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>No enviado</translation>
    </message>
</context>
<context>
    <name>TimeOffPanel</name>
    <message>
        <source>e.g. Holiday, Course</source>
        <translation>p. ej. Vacaciones, Curso</translation>
    </message>
    <message>
        <source>&amp;Add time off</source>
        <translation>&amp;Añadir ausencia</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Practitioner</source>
        <translation>Profesional</translation>
    </message>
    <message>
        <source>%1 (inactive)</source>
        <translation>%1 (inactivo)</translation>
    </message>
    <message>
        <source>No time off booked.</source>
        <translation>No hay ausencias registradas.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>Time off added from %1.</source>
        <translation>Ausencia añadida desde el %1.</translation>
    </message>
    <message>
        <source>Time off removed.</source>
        <translation>Ausencia eliminada.</translation>
    </message>
</context>
<context>
    <name>TodayAtDesk</name>
    <message>
        <source>&lt;b&gt;Today at the desk&lt;/b&gt;</source>
        <translation>&lt;b&gt;Hoy en recepción&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&amp;Arrived (A)</source>
        <translation>&amp;Ha llegado (A)</translation>
    </message>
    <message>
        <source>&amp;No-show (N)</source>
        <translation>&amp;No acudió (N)</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;New booking...</source>
        <translation>&amp;Nueva reserva...</translation>
    </message>
    <message>
        <source>Book an appointment for a new or existing patient</source>
        <translation>Reservar una cita para un paciente nuevo o ya registrado</translation>
    </message>
    <message>
        <source>&amp;Book for patient...</source>
        <translation>&amp;Reservar para el paciente...</translation>
    </message>
    <message>
        <source>Book for the selected patient</source>
        <translation>Reservar para el paciente seleccionado</translation>
    </message>
    <message>
        <source>&amp;Edit patient...</source>
        <translation>&amp;Editar paciente...</translation>
    </message>
    <message>
        <source>Change the selected patient&apos;s details</source>
        <translation>Cambiar los datos del paciente seleccionado</translation>
    </message>
    <message>
        <source>&amp;Find patient</source>
        <translation>&amp;Buscar paciente</translation>
    </message>
    <message>
        <source>Search by name, phone or case ID</source>
        <translation>Buscar por nombre, teléfono o ID del caso</translation>
    </message>
    <message>
        <source>Merge with another &amp;record...</source>
        <translation>Fusionar con otra &amp;ficha...</translation>
    </message>
    <message>
        <source>Merge another record of the same person into this patient</source>
        <translation>Fusionar otra ficha de la misma persona en este paciente</translation>
    </message>
    <message>
        <source>Undo record mer&amp;ge</source>
        <translation>Deshacer fusión de fic&amp;ha</translation>
    </message>
    <message>
        <source>Separate the last record merged into this patient again</source>
        <translation>Separar de nuevo la última ficha fusionada en este paciente</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <source>Read the latest records again</source>
        <translation>Volver a leer los últimos registros</translation>
    </message>
    <message>
        <source>&amp;Edit case...</source>
        <translation>E&amp;ditar caso...</translation>
    </message>
    <message>
        <source>Correct the selected case&apos;s title, referral, notes or body parts</source>
        <translation>Corregir el título, la derivación, las notas o las zonas del cuerpo del caso seleccionado</translation>
    </message>
    <message>
        <source>&amp;Close case</source>
        <translation>&amp;Cerrar caso</translation>
    </message>
    <message>
        <source>Close the selected case; its history stays</source>
        <translation>Cerrar el caso seleccionado; su historial se conserva</translation>
    </message>
    <message>
        <source>&amp;Reopen case</source>
        <translation>Rea&amp;brir caso</translation>
    </message>
    <message>
        <source>Reopen the selected case under the same ID</source>
        <translation>Reabrir el caso seleccionado con el mismo ID</translation>
    </message>
    <message>
        <source>&amp;Merge cases...</source>
        <translation>&amp;Fusionar casos...</translation>
    </message>
    <message>
        <source>Merge another case of this patient into this one</source>
        <translation>Fusionar otro caso de este paciente en este</translation>
    </message>
    <message>
        <source>&amp;Undo merge</source>
        <translation>&amp;Deshacer fusión</translation>
    </message>
    <message>
        <source>Put the last case merged into this one back</source>
        <translation>Separar de nuevo el último caso fusionado en este</translation>
    </message>
    <message>
        <source>Book &amp;follow-up...</source>
        <translation>Reservar &amp;seguimiento...</translation>
    </message>
    <message>
        <source>Book another appointment into the selected case</source>
        <translation>Reservar otra cita en el caso seleccionado</translation>
    </message>
    <message>
        <source>C&amp;onfirm</source>
        <translation>C&amp;onfirmar</translation>
    </message>
    <message>
        <source>The patient confirmed the appointment</source>
        <translation>El paciente confirmó la cita</translation>
    </message>
    <message>
        <source>&amp;Arrived</source>
        <translation>&amp;Ha llegado</translation>
    </message>
    <message>
        <source>The patient is here</source>
        <translation>El paciente está aquí</translation>
    </message>
    <message>
        <source>Com&amp;pleted</source>
        <translation>Rea&amp;lizada</translation>
    </message>
    <message>
        <source>The visit took place</source>
        <translation>La visita se realizó</translation>
    </message>
    <message>
        <source>No-s&amp;how</source>
        <translation>No a&amp;cudió</translation>
    </message>
    <message>
        <source>The patient did not come</source>
        <translation>El paciente no vino</translation>
    </message>
    <message>
        <source>Cance&amp;l appointment...</source>
        <translation>Cancelar c&amp;ita...</translation>
    </message>
    <message>
        <source>Cancel and free the slot</source>
        <translation>Cancelar y liberar el hueco</translation>
    </message>
    <message>
        <source>Mo&amp;ve...</source>
        <translation>Mo&amp;ver...</translation>
    </message>
    <message>
        <source>Move the appointment to another time; it keeps its case and link</source>
        <translation>Mover la cita a otra hora; conserva su caso y su enlace</translation>
    </message>
    <message>
        <source>Copy patient &amp;link</source>
        <translation>Copiar en&amp;lace del paciente</translation>
    </message>
    <message>
        <source>Copy the appointment&apos;s link</source>
        <translation>Copiar el enlace de la cita</translation>
    </message>
    <message>
        <source>&amp;History...</source>
        <translation>&amp;Historial...</translation>
    </message>
    <message>
        <source>Who changed or opened this patient, and when</source>
        <translation>Quién cambió o abrió este paciente, y cuándo</translation>
    </message>
    <message>
        <source>Case &amp;history...</source>
        <translation>Historial del ca&amp;so...</translation>
    </message>
    <message>
        <source>Who changed this case, and when</source>
        <translation>Quién cambió este caso, y cuándo</translation>
    </message>
    <message>
        <source>Appointment &amp;history...</source>
        <translation>Historial de la ci&amp;ta...</translation>
    </message>
    <message>
        <source>Who booked, moved or changed this appointment, and when</source>
        <translation>Quién reservó, movió o cambió esta cita, y cuándo</translation>
    </message>
</context>
<context>
    <name>WindowCommands</name>
    <message>
        <source>Saving...</source>
        <translation>Guardando...</translation>
    </message>
    <message>
        <source>Patient details saved.</source>
        <translation>Datos del paciente guardados.</translation>
    </message>
    <message>
        <source>Case {code} saved.</source>
        <translation>Caso {code} guardado.</translation>
    </message>
    <message>
        <source>Close case</source>
        <translation>Cerrar caso</translation>
    </message>
    <message numerus="yes">
        <source>Case {code} still has %n appointment(s) to come.
Cancel them and close the case?</source>
        <translation>
            <numerusform>Al caso {code} aún le queda %n cita pendiente.
¿Cancelarla y cerrar el caso?</numerusform>
            <numerusform>Al caso {code} aún le quedan %n citas pendientes.
¿Cancelarlas y cerrar el caso?</numerusform>
        </translation>
    </message>
    <message>
        <source>Case {code} closed.</source>
        <translation>Caso {code} cerrado.</translation>
    </message>
    <message>
        <source>Case {code} reopened.</source>
        <translation>Caso {code} reabierto.</translation>
    </message>
    <message>
        <source>Case {other} was merged into {keep}.</source>
        <translation>El caso {other} se ha fusionado en {keep}.</translation>
    </message>
    <message>
        <source>&amp;Undo merge</source>
        <translation>&amp;Deshacer fusión</translation>
    </message>
    <message>
        <source>No merge into {code} can be undone.</source>
        <translation>No hay ninguna fusión en {code} que se pueda deshacer.</translation>
    </message>
    <message>
        <source>Merge undone; {code} is separate again.</source>
        <translation>Fusión deshecha; {code} vuelve a estar separado.</translation>
    </message>
    <message>
        <source>Appointment marked {status}.</source>
        <translation>Cita marcada como {status}.</translation>
    </message>
    <message>
        <source>Cancel appointment</source>
        <translation>Cancelar cita</translation>
    </message>
    <message>
        <source>Cancel the appointment on {when} with {who}?
The slot becomes free for other patients. This cannot be undone.</source>
        <translation>¿Cancelar la cita del {when} con {who}?
El hueco queda libre para otros pacientes. No se puede deshacer.</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Mantenerla</translation>
    </message>
    <message>
        <source>Appointment moved to {when}.</source>
        <translation>Cita movida a {when}.</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <source>&lt;b&gt;{app}&lt;/b&gt; {version}&lt;br&gt;Front-desk reception for clinics.&lt;br&gt;&lt;br&gt;Data folder: {data}&lt;br&gt;Log folder: {logs}</source>
        <translation>&lt;b&gt;{app}&lt;/b&gt; {version}&lt;br&gt;Recepción para clínicas.&lt;br&gt;&lt;br&gt;Carpeta de datos: {data}&lt;br&gt;Carpeta de registros: {logs}</translation>
    </message>
    <message>
        <source>&amp;Settings...</source>
        <translation>&amp;Ajustes...</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Atajos de teclado</translation>
    </message>
    <message>
        <source>&amp;About CaseDesk</source>
        <translation>Acerca &amp;de CaseDesk</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>About CaseDesk</source>
        <translation>Acerca de CaseDesk</translation>
    </message>
</context>
<context>
    <name>services</name>
    <message>
        <source>Say which side for &apos;{label}&apos;: {sides}.</source>
        <translation>Indique el lado de «{label}»: {sides}.</translation>
    </message>
    <message>
        <source>&apos;{label}&apos; is not a body part CaseDesk knows.</source>
        <translation>«{label}» no es una zona del cuerpo que CaseDesk conozca.</translation>
    </message>
    <message>
        <source>&apos;{label}&apos; has no side.</source>
        <translation>«{label}» no tiene lado.</translation>
    </message>
    <message>
        <source>Choose at least one body part.</source>
        <translation>Elija al menos una zona del cuerpo.</translation>
    </message>
    <message>
        <source>{day} is not a date the clinic can book.</source>
        <translation>{day} no es una fecha que la clínica pueda reservar.</translation>
    </message>
    <message>
        <source>Choose initial assessment or follow-up.</source>
        <translation>Elija primera valoración o seguimiento.</translation>
    </message>
    <message>
        <source>Choose a patient or register a new one.</source>
        <translation>Elija un paciente o registre uno nuevo.</translation>
    </message>
    <message>
        <source>appointment note</source>
        <translation>texto de la nota de la cita</translation>
    </message>
    <message>
        <source>That patient no longer exists; search again.</source>
        <translation>Ese paciente ya no existe; vuelva a buscar.</translation>
    </message>
    <message>
        <source>The case to update does not belong to this patient.</source>
        <translation>El caso que se quiere actualizar no es de este paciente.</translation>
    </message>
    <message>
        <source>Case {code} is not open; choose another or open a separate case.</source>
        <translation>El caso {code} no está abierto; elija otro o abra un caso aparte.</translation>
    </message>
    <message>
        <source>{name} already has an appointment at that time. Choose another slot.</source>
        <translation>{name} ya tiene una cita a esa hora. Elija otro hueco.</translation>
    </message>
    <message>
        <source>Enter a case title, for example &apos;Knee pain after fall&apos;.</source>
        <translation>Escriba un título para el caso, por ejemplo «Dolor de rodilla tras una caída».</translation>
    </message>
    <message>
        <source>case title</source>
        <translation>título del caso</translation>
    </message>
    <message>
        <source>Case {id} no longer exists.</source>
        <translation>El caso {id} ya no existe.</translation>
    </message>
    <message>
        <source>There is no case {code}.</source>
        <translation>No hay ningún caso {code}.</translation>
    </message>
    <message>
        <source>Case {code} is not open.</source>
        <translation>El caso {code} no está abierto.</translation>
    </message>
    <message numerus="yes">
        <source>Case {code} still has %n appointment(s) to come; cancel them first or choose to cancel them when closing.</source>
        <translation>
            <numerusform>Al caso {code} aún le queda %n cita pendiente; cancélela antes o elija cancelarla al cerrar.</numerusform>
            <numerusform>Al caso {code} aún le quedan %n citas pendientes; cancélelas antes o elija cancelarlas al cerrar.</numerusform>
        </translation>
    </message>
    <message>
        <source>Case {code} is not closed.</source>
        <translation>El caso {code} no está cerrado.</translation>
    </message>
    <message>
        <source>Choose two different cases to merge.</source>
        <translation>Elija dos casos distintos para fusionar.</translation>
    </message>
    <message>
        <source>Only cases of the same patient can be merged.</source>
        <translation>Solo se pueden fusionar casos del mismo paciente.</translation>
    </message>
    <message>
        <source>One of these cases has already been merged.</source>
        <translation>Uno de estos casos ya se ha fusionado.</translation>
    </message>
    <message>
        <source>That merge cannot be found, so it cannot be undone.</source>
        <translation>No se encuentra esa fusión, así que no se puede deshacer.</translation>
    </message>
    <message>
        <source>Case {other} is no longer merged into {keep}.</source>
        <translation>El caso {other} ya no está fusionado con {keep}.</translation>
    </message>
    <message>
        <source>Case {code} has since been merged into another case; undo that merge first.</source>
        <translation>El caso {code} se ha fusionado después con otro caso; deshaga antes esa fusión.</translation>
    </message>
    <message>
        <source>Enter the patient&apos;s {what}.</source>
        <translation>Escriba el {what} del paciente.</translation>
    </message>
    <message>
        <source>The {what} is too long once spelled out for search.</source>
        <translation>El {what} es demasiado largo una vez desarrollado para la búsqueda.</translation>
    </message>
    <message>
        <source>Enter the patient&apos;s phone number.</source>
        <translation>Escriba el teléfono del paciente.</translation>
    </message>
    <message>
        <source>&apos;{raw}&apos; is not a phone number.</source>
        <translation>«{raw}» no es un número de teléfono.</translation>
    </message>
    <message>
        <source>&apos;{raw}&apos; is not a valid phone number for region {region}.</source>
        <translation>«{raw}» no es un número de teléfono válido para la región {region}.</translation>
    </message>
    <message>
        <source>This record was merged into {name}&apos;s; search for the patient again.</source>
        <translation>Esta ficha se fusionó en la de {name}; vuelva a buscar al paciente.</translation>
    </message>
    <message>
        <source>There is no file {file}.</source>
        <translation>No existe el archivo {file}.</translation>
    </message>
    <message>
        <source>Cannot read {file}: {why}.</source>
        <translation>No se puede leer {file}: {why}.</translation>
    </message>
    <message>
        <source>{file} is not a CSV file (it holds binary data).</source>
        <translation>{file} no es un archivo CSV (contiene datos binarios).</translation>
    </message>
    <message>
        <source>{file} is empty: a header row is needed.</source>
        <translation>{file} está vacío: hace falta una fila de encabezado.</translation>
    </message>
    <message>
        <source>{file} is not a CSV file ({why}).</source>
        <translation>{file} no es un archivo CSV ({why}).</translation>
    </message>
    <message>
        <source>first name</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>last name</source>
        <translation>apellido</translation>
    </message>
    <message>
        <source>{file} has no {what} column (such as &apos;First Name&apos;).</source>
        <translation>{file} no tiene columna de {what} (como «First Name»).</translation>
    </message>
    <message>
        <source>{file} has no column {number}.</source>
        <translation>{file} no tiene columna {number}.</translation>
    </message>
    <message>
        <source>The e-mail address is not valid: {reason}</source>
        <translation>La dirección de correo electrónico no es válida: {reason}</translation>
    </message>
    <message>
        <source>The date of birth cannot be in the future.</source>
        <translation>La fecha de nacimiento no puede estar en el futuro.</translation>
    </message>
    <message>
        <source>The date of birth is before 1900; check the year.</source>
        <translation>La fecha de nacimiento es anterior a 1900; revise el año.</translation>
    </message>
    <message>
        <source>Sex must be female, male or other (or left empty).</source>
        <translation>El sexo debe ser mujer, hombre u otro (o quedar vacío).</translation>
    </message>
    <message>
        <source>Patient {id} no longer exists.</source>
        <translation>El paciente {id} ya no existe.</translation>
    </message>
    <message>
        <source>The {what} contains an invisible NUL character; retype it without it.</source>
        <translation>El {what} contiene un carácter NUL invisible; vuelva a escribirlo sin él.</translation>
    </message>
    <message>
        <source>The {what} is too long (at most {limit} characters).</source>
        <translation>El {what} es demasiado largo (como máximo {limit} caracteres).</translation>
    </message>
    <message>
        <source>referral</source>
        <translation>volante de derivación</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>texto de las notas</translation>
    </message>
    <message>
        <source>Case {code} was merged; correct the case it joined.</source>
        <translation>El caso {code} se fusionó; corrija el caso al que se unió.</translation>
    </message>
    <message>
        <source>A case keeps at least one body part; the last one cannot be removed.</source>
        <translation>Un caso conserva al menos una parte del cuerpo; la última no se puede quitar.</translation>
    </message>
    <message>
        <source>The user name or password is wrong.</source>
        <translation>El nombre de usuario o la contraseña no son correctos.</translation>
    </message>
    <message>
        <source>Enter a user name.</source>
        <translation>Escriba un nombre de usuario.</translation>
    </message>
    <message>
        <source>The user name is too long (at most {limit} characters).</source>
        <translation>El nombre de usuario es demasiado largo (como máximo {limit} caracteres).</translation>
    </message>
    <message>
        <source>The password must have at least {limit} characters.</source>
        <translation>La contraseña debe tener al menos {limit} caracteres.</translation>
    </message>
    <message>
        <source>The password cannot be used: choose another.</source>
        <translation>Esa contraseña no se puede usar: elija otra.</translation>
    </message>
    <message>
        <source>The role must be one of: {roles}.</source>
        <translation>El rol debe ser uno de estos: {roles}.</translation>
    </message>
    <message>
        <source>Choose the practitioner whose book this is.</source>
        <translation>Elija el profesional al que pertenece esta agenda.</translation>
    </message>
    <message>
        <source>That practitioner no longer exists.</source>
        <translation>Ese profesional ya no existe.</translation>
    </message>
    <message>
        <source>The first account must be an administrator, who can then add the others.</source>
        <translation>La primera cuenta debe ser de administrador, que después podrá añadir las demás.</translation>
    </message>
    <message>
        <source>There is already an account named {name}.</source>
        <translation>Ya hay una cuenta llamada {name}.</translation>
    </message>
    <message numerus="yes">
        <source>This account is locked after {failures} wrong passwords. Try again in %n minute(s), or ask an administrator to unlock it.</source>
        <translation>
            <numerusform>Esta cuenta está bloqueada tras {failures} contraseñas incorrectas. Vuelva a intentarlo dentro de %n minuto o pida a un administrador que la desbloquee.</numerusform>
            <numerusform>Esta cuenta está bloqueada tras {failures} contraseñas incorrectas. Vuelva a intentarlo dentro de %n minutos o pida a un administrador que la desbloquee.</numerusform>
        </translation>
    </message>
    <message>
        <source>That staff account no longer exists.</source>
        <translation>Esa cuenta de personal ya no existe.</translation>
    </message>
    <message>
        <source>At least one active administrator account must remain.</source>
        <translation>Debe quedar al menos una cuenta de administrador activa.</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Inicie sesión primero.</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>La contraseña actual no es correcta.</translation>
    </message>
    <message>
        <source>&apos;{status}&apos; is not an appointment status.</source>
        <translation>«{status}» no es un estado de cita.</translation>
    </message>
    <message>
        <source>Appointment {id} no longer exists.</source>
        <translation>La cita {id} ya no existe.</translation>
    </message>
    <message>
        <source>A {status} appointment cannot be marked {new_status}.</source>
        <translation>Una cita en estado «{status}» no se puede marcar como «{new_status}».</translation>
    </message>
    <message>
        <source>The appointment is on {day}; it cannot be marked {status} before that day.</source>
        <translation>La cita es el {day}; no se puede marcar como «{status}» antes de ese día.</translation>
    </message>
    <message>
        <source>A backup cannot be written over the database it copies.</source>
        <translation>Una copia de seguridad no puede escribirse sobre la base de datos que copia.</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>La carpeta {folder} no existe.</translation>
    </message>
    <message>
        <source>The copy failed its integrity check ({problem}); none was kept.</source>
        <translation>La copia no superó la comprobación de integridad ({problem}); no se ha guardado ninguna.</translation>
    </message>
    <message>
        <source>The database could not be copied: {why}</source>
        <translation>No se pudo copiar la base de datos: {why}</translation>
    </message>
    <message>
        <source>This database is on a PostgreSQL server: back it up with the server&apos;s pg_dump: {command}</source>
        <translation>Esta base de datos está en un servidor PostgreSQL: haga la copia de seguridad con el pg_dump del servidor: {command}</translation>
    </message>
    <message>
        <source>There is no backup file at {file}.</source>
        <translation>No hay ningún archivo de copia de seguridad en {file}.</translation>
    </message>
    <message>
        <source>That file is the database itself, not a backup of it.</source>
        <translation>Ese archivo es la propia base de datos, no una copia de seguridad.</translation>
    </message>
    <message>
        <source>This database is on a PostgreSQL server: restore it with the server&apos;s pg_restore.</source>
        <translation>Esta base de datos está en un servidor PostgreSQL: restáurela con el pg_restore del servidor.</translation>
    </message>
    <message>
        <source>{file} is not a CaseDesk database.</source>
        <translation>{file} no es una base de datos de CaseDesk.</translation>
    </message>
    <message>
        <source>{file} is damaged or is not a CaseDesk database.</source>
        <translation>{file} está dañado o no es una base de datos de CaseDesk.</translation>
    </message>
    <message>
        <source>{file} failed its integrity check ({problem}); nothing was changed.</source>
        <translation>{file} no superó la comprobación de integridad ({problem}); no se ha cambiado nada.</translation>
    </message>
    <message>
        <source>{file} is not a CaseDesk database; nothing was changed.</source>
        <translation>{file} no es una base de datos de CaseDesk; no se ha cambiado nada.</translation>
    </message>
    <message>
        <source>{file} comes from a newer CaseDesk (schema {revision}); nothing was changed.</source>
        <translation>{file} procede de una versión más reciente de CaseDesk (esquema {revision}); no se ha cambiado nada.</translation>
    </message>
    <message>
        <source>The database is open in CaseDesk at another desk; close it there and try again.</source>
        <translation>La base de datos está abierta en CaseDesk en otro puesto; ciérrela allí y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The database is open elsewhere; close it there and try again.</source>
        <translation>La base de datos está abierta en otro lugar; ciérrela allí y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>Mail is not set up yet: enter the mail server in Settings. The message waits here and goes out once it is.</source>
        <translation>El correo aún no está configurado: indique el servidor de correo en Ajustes. El mensaje espera aquí y sale en cuanto lo esté.</translation>
    </message>
    <message>
        <source>Mail is not set up yet: enter the sender address in Settings.</source>
        <translation>El correo aún no está configurado: indique la dirección del remitente en Ajustes.</translation>
    </message>
    <message>
        <source>Not sent: the patient&apos;s e-mail address is not valid.</source>
        <translation>No enviado: el correo electrónico del paciente no es válido.</translation>
    </message>
    <message>
        <source>Not sent: the message text cannot be made into an e-mail ({error}).</source>
        <translation>No enviado: con el texto del mensaje no se puede formar un correo electrónico ({error}).</translation>
    </message>
    <message>
        <source>Not sent: the clinic name or sender address has a line break ({error}).</source>
        <translation>No enviado: el nombre de la clínica o la dirección del remitente contiene un salto de línea ({error}).</translation>
    </message>
    <message>
        <source>Not sent: the clinic name or sender address is not valid ({error}).</source>
        <translation>No enviado: el nombre de la clínica o la dirección del remitente no es válido ({error}).</translation>
    </message>
    <message>
        <source>Not sent: the patient&apos;s e-mail address has a line break ({error}).</source>
        <translation>No enviado: el correo electrónico del paciente contiene un salto de línea ({error}).</translation>
    </message>
    <message>
        <source>Not sent: the patient&apos;s e-mail address is not valid ({error}).</source>
        <translation>No enviado: el correo electrónico del paciente no es válido ({error}).</translation>
    </message>
    <message>
        <source>Not sent: the subject has a line break ({error}).</source>
        <translation>No enviado: el asunto contiene un salto de línea ({error}).</translation>
    </message>
    <message>
        <source>Not sent: the subject is not valid ({error}).</source>
        <translation>No enviado: el asunto no es válido ({error}).</translation>
    </message>
    <message>
        <source>The mail server refused: {addresses}</source>
        <translation>El servidor de correo rechazó: {addresses}</translation>
    </message>
    <message>
        <source>The mail server {where} does not offer STARTTLS. Choose another security setting or ask your mail provider.</source>
        <translation>El servidor de correo {where} no ofrece STARTTLS. Elija otra opción de seguridad o consulte a su proveedor de correo.</translation>
    </message>
    <message>
        <source>The mail server {where} refused the user name or password. Check them in Settings.</source>
        <translation>El servidor de correo {where} rechazó el usuario o la contraseña. Revíselos en Ajustes.</translation>
    </message>
    <message>
        <source>The mail server {where} does not support this: {reply}</source>
        <translation>El servidor de correo {where} no admite esto: {reply}</translation>
    </message>
    <message>
        <source>The mail server refused the patient&apos;s address: {addresses}</source>
        <translation>El servidor de correo rechazó la dirección del paciente: {addresses}</translation>
    </message>
    <message>
        <source>The mail server refused the sender address {sender}: {reply}</source>
        <translation>El servidor de correo rechazó la dirección del remitente {sender}: {reply}</translation>
    </message>
    <message>
        <source>The mail server {where} answered with an error: {reply}</source>
        <translation>El servidor de correo {where} respondió con un error: {reply}</translation>
    </message>
    <message>
        <source>The mail server {where} closed the connection. It will be tried again.</source>
        <translation>El servidor de correo {where} cerró la conexión. Se volverá a intentar.</translation>
    </message>
    <message>
        <source>The mail server {where} refused the connection (is the server name and port right, and is the server running?).</source>
        <translation>El servidor de correo {where} rechazó la conexión (¿son correctos el nombre del servidor y el puerto, y está el servidor en marcha?).</translation>
    </message>
    <message>
        <source>The mail server {where} did not answer in time (no internet, or it is down).</source>
        <translation>El servidor de correo {where} no respondió a tiempo (sin internet, o está caído).</translation>
    </message>
    <message>
        <source>Cannot find the mail server &apos;{host}&apos; (no internet, or a typo).</source>
        <translation>No se encuentra el servidor de correo &apos;{host}&apos; (sin internet, o hay un error al escribirlo).</translation>
    </message>
    <message>
        <source>A secure connection to {where} failed: {reason}.</source>
        <translation>Falló la conexión segura con {where}: {reason}.</translation>
    </message>
    <message>
        <source>Cannot reach the mail server {where}: {reason}.</source>
        <translation>No se puede conectar con el servidor de correo {where}: {reason}.</translation>
    </message>
    <message>
        <source>Sending failed: {error}</source>
        <translation>El envío falló: {error}</translation>
    </message>
    <message>
        <source>The test message was sent to {address}.</source>
        <translation>El mensaje de prueba se envió a {address}.</translation>
    </message>
    <message>
        <source>Not an e-mail address: {why}</source>
        <translation>No es una dirección de correo electrónico: {why}</translation>
    </message>
    <message>
        <source>A {status} appointment cannot be moved.</source>
        <translation>Una cita en estado «{status}» no se puede mover.</translation>
    </message>
    <message>
        <source>{name} is not taking appointments.</source>
        <translation>{name} no está aceptando citas.</translation>
    </message>
    <message>
        <source>The appointment is already at that time.</source>
        <translation>La cita ya está a esa hora.</translation>
    </message>
    <message>
        <source>{name} already has an appointment at that time. Choose another time.</source>
        <translation>{name} ya tiene una cita a esa hora. Elija otra hora.</translation>
    </message>
    <message>
        <source>Changing patient records needs a reception or admin account.</source>
        <translation>Para cambiar fichas de pacientes hace falta una cuenta de recepción o de administrador.</translation>
    </message>
    <message>
        <source>Booking and changing appointments needs a reception or admin account.</source>
        <translation>Para reservar y cambiar citas hace falta una cuenta de recepción o de administrador.</translation>
    </message>
    <message>
        <source>Patient messages need a reception or admin account.</source>
        <translation>Los mensajes a pacientes necesitan una cuenta de recepción o de administrador.</translation>
    </message>
    <message>
        <source>Changing an appointment&apos;s status needs a staff account.</source>
        <translation>Para cambiar el estado de una cita hace falta una cuenta de personal.</translation>
    </message>
    <message>
        <source>Only an administrator can change the clinic&apos;s settings.</source>
        <translation>Solo un administrador puede cambiar la configuración de la clínica.</translation>
    </message>
    <message>
        <source>Only an administrator can manage staff accounts.</source>
        <translation>Solo un administrador puede gestionar las cuentas de personal.</translation>
    </message>
    <message>
        <source>Only an administrator can restore a backup.</source>
        <translation>Solo un administrador puede restaurar una copia de seguridad.</translation>
    </message>
    <message>
        <source>A practitioner can change appointments in their own book only.</source>
        <translation>Un profesional solo puede cambiar citas de su propia agenda.</translation>
    </message>
    <message>
        <source>&apos;{day}&apos; is not a day (use Monday to Sunday).</source>
        <translation>«{day}» no es un día de la semana (de Monday a Sunday).</translation>
    </message>
    <message>
        <source>{day}: &apos;{start}-{end}&apos; is not a time span like 09:00-13:00 or 9-13.</source>
        <translation>{day}: «{start}-{end}» no es un intervalo horario como 09:00-13:00 o 9-13.</translation>
    </message>
    <message>
        <source>{day}: working hours overlap.</source>
        <translation>{day}: los horarios de trabajo se solapan.</translation>
    </message>
    <message>
        <source>Give at least one day with working hours.</source>
        <translation>Indique al menos un día con horario de trabajo.</translation>
    </message>
    <message>
        <source>Appointment length must be 5 to 480 minutes.</source>
        <translation>La duración de la cita debe ser de 5 a 480 minutos.</translation>
    </message>
    <message>
        <source>Enter the practitioner&apos;s name.</source>
        <translation>Escriba el nombre del profesional.</translation>
    </message>
    <message>
        <source>practitioner&apos;s name</source>
        <translation>nombre del profesional</translation>
    </message>
    <message>
        <source>Practitioner {id} no longer exists.</source>
        <translation>El profesional {id} ya no existe.</translation>
    </message>
    <message>
        <source>No practitioner is named {name}.</source>
        <translation>Ningún profesional se llama {name}.</translation>
    </message>
    <message>
        <source>This appointment is no longer booked; there is no link to send.</source>
        <translation>Esta cita ya no está reservada; no hay enlace que enviar.</translation>
    </message>
    <message>
        <source>{time} on {day} does not exist in {zone}: the clocks go forward then. Choose another time.</source>
        <translation>Las {time} del {day} no existen en {zone}: ese día se adelantan los relojes. Elija otra hora.</translation>
    </message>
    <message>
        <source>{when} has already passed. Choose a time from now on, or book it as a walk-in.</source>
        <translation>{when} ya ha pasado. Elija una hora a partir de ahora o regístrela como visita sin cita.</translation>
    </message>
    <message>
        <source>The appointment time has no time zone.</source>
        <translation>La hora de la cita no tiene zona horaria.</translation>
    </message>
    <message>
        <source>{day} is not a date the clinic can book; check the year.</source>
        <translation>{day} no es una fecha que la clínica pueda reservar; revise el año.</translation>
    </message>
    <message>
        <source>{name} does not work on {weekdays}. Choose another day, or book it as out of hours.</source>
        <translation>{name} no trabaja los {weekdays}. Elija otro día o resérvela fuera de horario.</translation>
    </message>
    <message>
        <source>{start} is in {name}&apos;s break ({begins}-{ends}). Choose another time.</source>
        <translation>Las {start} caen en el descanso de {name} ({begins}-{ends}). Elija otra hora.</translation>
    </message>
    <message>
        <source>{name} works {hours} on {weekdays}; {start}-{end} is outside those hours. Choose another time, or book it as out of hours.</source>
        <translation>{name} trabaja {hours} los {weekdays}; {start}-{end} queda fuera de ese horario. Elija otra hora o resérvela fuera de horario.</translation>
    </message>
    <message>
        <source>{name} is away from {start} to {end}{why}. Choose another time or practitioner.</source>
        <translation>{name} está ausente del {start} al {end}{why}. Elija otra hora u otro profesional.</translation>
    </message>
    <message>
        <source>Mondays</source>
        <translation>lunes</translation>
    </message>
    <message>
        <source>Tuesdays</source>
        <translation>martes</translation>
    </message>
    <message>
        <source>Wednesdays</source>
        <translation>miércoles</translation>
    </message>
    <message>
        <source>Thursdays</source>
        <translation>jueves</translation>
    </message>
    <message>
        <source>Fridays</source>
        <translation>viernes</translation>
    </message>
    <message>
        <source>Saturdays</source>
        <translation>sábados</translation>
    </message>
    <message>
        <source>Sundays</source>
        <translation>domingos</translation>
    </message>
    <message>
        <source>{key} must be one line (no line breaks).</source>
        <translation>{key} debe ocupar una sola línea (sin saltos de línea).</translation>
    </message>
    <message>
        <source>{key} cannot be empty.</source>
        <translation>{key} no puede estar vacío.</translation>
    </message>
    <message>
        <source>{key} is too long (at most {limit} characters).</source>
        <translation>{key} es demasiado largo (como máximo {limit} caracteres).</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a region code such as IN, GB or US.</source>
        <translation>«{value}» no es un código de región como IN, GB o US.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a language CaseDesk speaks: choose {codes}.</source>
        <translation>«{value}» no es un idioma que CaseDesk hable: elija {codes}.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a time zone name such as Asia/Kolkata or Europe/London.</source>
        <translation>«{value}» no es el nombre de una zona horaria como Asia/Kolkata o Europe/Madrid.</translation>
    </message>
    <message>
        <source>The link may only use {token}, {case_id} and {appointment_id} as placeholders.</source>
        <translation>El enlace solo puede usar {token}, {case_id} y {appointment_id} como marcadores.</translation>
    </message>
    <message>
        <source>The link must contain {token}, so each patient&apos;s link is their own.</source>
        <translation>El enlace debe contener {token}, para que cada paciente tenga su propio enlace.</translation>
    </message>
    <message>
        <source>The link has a broken placeholder; write {token}.</source>
        <translation>El enlace tiene un marcador incorrecto; escriba {token}.</translation>
    </message>
    <message>
        <source>The link must be a web address starting with http:// or https://.</source>
        <translation>El enlace debe ser una dirección web que empiece por http:// o https://.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a port number (1 to 65535).</source>
        <translation>«{value}» no es un número de puerto (de 1 a 65535).</translation>
    </message>
    <message>
        <source>Mail security must be none, starttls or tls.</source>
        <translation>La seguridad del correo debe ser none, starttls o tls.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a server name or address.</source>
        <translation>«{value}» no es un nombre ni una dirección de servidor.</translation>
    </message>
    <message>
        <source>The sender is not an e-mail address: {why}</source>
        <translation>El remitente no es una dirección de correo electrónico: {why}</translation>
    </message>
    <message>
        <source>The hold must be a whole number of hours, from 1 to 336.</source>
        <translation>El plazo de reserva debe ser un número entero de horas, de 1 a 336.</translation>
    </message>
    <message>
        <source>Choose one of: {choices}.</source>
        <translation>Elija uno de estos: {choices}.</translation>
    </message>
    <message>
        <source>The idle lock must be a whole number of minutes, from 1 to 240.</source>
        <translation>El bloqueo por inactividad debe ser un número entero de minutos, de 1 a 240.</translation>
    </message>
    <message>
        <source>Unknown placeholder in the message: {unknown}. Use: {known}.</source>
        <translation>Marcador desconocido en el mensaje: {unknown}. Use: {known}.</translation>
    </message>
    <message>
        <source>The message cannot be empty.</source>
        <translation>El mensaje no puede estar vacío.</translation>
    </message>
    <message>
        <source>The message has a broken placeholder; write placeholders like {first_name}.</source>
        <translation>El mensaje tiene un marcador incorrecto; escriba los marcadores así: {first_name}.</translation>
    </message>
    <message>
        <source>The subject is too long (at most {limit} characters).</source>
        <translation>El asunto es demasiado largo (como máximo {limit} caracteres).</translation>
    </message>
    <message>
        <source>Unknown setting &apos;{name}&apos;. Known settings: {known}.</source>
        <translation>Ajuste desconocido «{name}». Ajustes conocidos: {known}.</translation>
    </message>
    <message>
        <source>Mail security &apos;none&apos; would send the password unencrypted to {host}: choose starttls or tls (none is only for a mail server on this computer).</source>
        <translation>La seguridad «none» enviaría la contraseña sin cifrar a {host}: elija starttls o tls (none es solo para un servidor de correo en este ordenador).</translation>
    </message>
    <message>
        <source>the mail server</source>
        <translation>el servidor de correo</translation>
    </message>
    <message>
        <source>The {what} has no time zone.</source>
        <translation>El {what} no tiene zona horaria.</translation>
    </message>
    <message>
        <source>The {what} ({day}) is not a usable date.</source>
        <translation>El {what} ({day}) no es una fecha válida.</translation>
    </message>
    <message>
        <source>start of the time off</source>
        <translation>inicio de la ausencia</translation>
    </message>
    <message>
        <source>end of the time off</source>
        <translation>fin de la ausencia</translation>
    </message>
    <message>
        <source>The time off must end after it starts.</source>
        <translation>La ausencia debe terminar después de empezar.</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>motivo</translation>
    </message>
    <message>
        <source>Choose a practitioner; that one does not exist.</source>
        <translation>Elija un profesional; ese no existe.</translation>
    </message>
    <message>
        <source>That time off was already removed.</source>
        <translation>Esa ausencia ya se había quitado.</translation>
    </message>
    <message>
        <source>reserved</source>
        <translation>reservada</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>confirmada</translation>
    </message>
    <message>
        <source>arrived</source>
        <translation>ha llegado</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>realizada</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelada</translation>
    </message>
    <message>
        <source>no-show</source>
        <translation>no acudió</translation>
    </message>
    <message>
        <source>Cannot write {file}: {why}</source>
        <translation>No se puede escribir {file}: {why}</translation>
    </message>
    <message>
        <source>Message {id} no longer exists.</source>
        <translation>El mensaje {id} ya no existe.</translation>
    </message>
    <message>
        <source>Approved sessions must be 1 to {most}; leave it empty for no limit.</source>
        <translation>Las sesiones aprobadas deben ser de 1 a {most}; déjelo vacío si no hay límite.</translation>
    </message>
    <message>
        <source>The referral cannot run out ({until}) before it was written ({written}).</source>
        <translation>La derivación no puede vencer ({until}) antes de la fecha en que se emitió ({written}).</translation>
    </message>
    <message>
        <source>Jan</source>
        <translation>ene</translation>
    </message>
    <message>
        <source>Feb</source>
        <translation>feb</translation>
    </message>
    <message>
        <source>Mar</source>
        <translation>mar</translation>
    </message>
    <message>
        <source>Apr</source>
        <translation>abr</translation>
    </message>
    <message>
        <source>May</source>
        <translation>may</translation>
    </message>
    <message>
        <source>Jun</source>
        <translation>jun</translation>
    </message>
    <message>
        <source>Jul</source>
        <translation>jul</translation>
    </message>
    <message>
        <source>Aug</source>
        <translation>ago</translation>
    </message>
    <message>
        <source>Sep</source>
        <translation>sept</translation>
    </message>
    <message>
        <source>Oct</source>
        <translation>oct</translation>
    </message>
    <message>
        <source>Nov</source>
        <translation>nov</translation>
    </message>
    <message>
        <source>Dec</source>
        <translation>dic</translation>
    </message>
    <message>
        <source>This case&apos;s referral ran out on {day}.</source>
        <translation>La derivación de este caso venció el {day}.</translation>
    </message>
    <message>
        <source>This case&apos;s referral allows 1 session and all 1 is booked.</source>
        <translation>La derivación de este caso permite 1 sesión y ya está reservada.</translation>
    </message>
    <message numerus="yes">
        <source>This case&apos;s referral allows %n session(s) and all %n are booked.</source>
        <translation>
            <numerusform>La derivación de este caso permite %n sesión y ya hay %n reservada.</numerusform>
            <numerusform>La derivación de este caso permite %n sesiones y ya están reservadas las %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This case&apos;s referral allows %n session(s) and 1 is booked.</source>
        <translation>
            <numerusform>La derivación de este caso permite %n sesión y hay 1 reservada.</numerusform>
            <numerusform>La derivación de este caso permite %n sesiones y hay 1 reservada.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This case&apos;s referral allows %n session(s) and {used} are booked.</source>
        <translation>
            <numerusform>La derivación de este caso permite %n sesión y hay {used} reservadas.</numerusform>
            <numerusform>La derivación de este caso permite %n sesiones y hay {used} reservadas.</numerusform>
        </translation>
    </message>
    <message>
        <source>Patient record {id} no longer exists.</source>
        <translation>La ficha de paciente {id} ya no existe.</translation>
    </message>
    <message>
        <source>Choose two different patient records to merge.</source>
        <translation>Elija dos fichas de paciente distintas para fusionar.</translation>
    </message>
    <message>
        <source>The record to keep was itself merged into another record; keep that one instead.</source>
        <translation>La ficha que se conserva ya se fusionó en otra; conserve esa otra.</translation>
    </message>
    <message>
        <source>The other record has already been merged into another record.</source>
        <translation>La otra ficha ya se fusionó en otra ficha.</translation>
    </message>
    <message>
        <source>Other records were merged into the record to merge in: keep that record instead, or undo those merges first.</source>
        <translation>Otras fichas se fusionaron en la ficha que se quiere fusionar: conserve esa ficha, o deshaga antes esas fusiones.</translation>
    </message>
    <message>
        <source>These fields cannot be taken: {fields}.</source>
        <translation>Estos campos no se pueden tomar: {fields}.</translation>
    </message>
    <message>
        <source>That merge has already been undone.</source>
        <translation>Esa fusión ya se deshizo.</translation>
    </message>
    <message>
        <source>Another record was merged into this one since; undo that merge first.</source>
        <translation>Desde entonces se fusionó otra ficha en esta; deshaga antes esa fusión.</translation>
    </message>
    <message>
        <source>The sender stopped while sending; it will be tried again.</source>
        <translation>El envío se detuvo a medias; se volverá a intentar.</translation>
    </message>
    <message>
        <source>Not sent: the appointment was cancelled.</source>
        <translation>No enviado: la cita se canceló.</translation>
    </message>
    <message>
        <source>Not sent: the visit has taken place.</source>
        <translation>No enviado: la visita ya se realizó.</translation>
    </message>
    <message>
        <source>Not sent: the patient did not come.</source>
        <translation>No enviado: el paciente no acudió.</translation>
    </message>
    <message>
        <source>Not sent: the patient has arrived.</source>
        <translation>No enviado: el paciente ya llegó.</translation>
    </message>
    <message>
        <source>Not sent: the appointment&apos;s time has passed.</source>
        <translation>No enviado: la hora de la cita ya pasó.</translation>
    </message>
    <message>
        <source>Not sent: the appointment was moved.</source>
        <translation>No enviado: la cita se cambió de hora.</translation>
    </message>
    <message>
        <source>Not sent: the case was closed.</source>
        <translation>No enviado: el caso se cerró.</translation>
    </message>
    <message>
        <source>Not sent: the appointment was marked Cancelled.</source>
        <translation>No enviado: la cita se marcó como Cancelada.</translation>
    </message>
    <message>
        <source>Not sent: the appointment was marked Completed.</source>
        <translation>No enviado: la cita se marcó como Realizada.</translation>
    </message>
    <message>
        <source>Not sent: the appointment was marked No-show.</source>
        <translation>No enviado: la cita se marcó como No acudió.</translation>
    </message>
    <message>
        <source>This message has already been sent.</source>
        <translation>Este mensaje ya se envió.</translation>
    </message>
    <message>
        <source>This message is being sent right now; wait a moment.</source>
        <translation>Este mensaje se está enviando ahora mismo; espere un momento.</translation>
    </message>
</context>
</TS>

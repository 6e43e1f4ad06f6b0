package fermata.core.engine.rt;

import javax.sound.midi.MidiDevice;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.Sequencer;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Synthesizer;
import java.util.ArrayList;
import java.util.List;

/**
 * MIDI input from connected devices (keyboards, pads, controllers) to the armed track of an
 * {@link AudioEngine}. Each opened device's transmitter delivers to {@link #receiver()}, which
 * passes notes, controllers and pitch bend to {@link AudioEngine#offerLiveMessage} (a
 * pre-allocated ring the audio thread empties at the start of each block) and drops the rest
 * (clock, sysex, active sensing). No device connected, as on servers and CI, is an ordinary
 * state that {@link #status()} reports; nothing here throws for it.
 */
public final class MidiInput implements AutoCloseable {
    private static final int NOTE_OFF = 0x80;
    private static final int NOTE_ON = 0x90;
    private static final int CONTROL_CHANGE = 0xB0;
    private static final int PITCH_BEND = 0xE0;

    /** Where input devices come from: the system's, or a test's. */
    public interface DeviceSource {
        /** Devices that can transmit to us, not yet opened. */
        List<MidiDevice> inputDevices() throws MidiUnavailableException;
    }

    /**
     * The devices {@code javax.sound.midi} knows that have a transmitter, less the JDK's own
     * sequencer and synthesizer, which are not inputs.
     */
    public static final DeviceSource SYSTEM = () -> {
        List<MidiDevice> inputs = new ArrayList<>();
        for (MidiDevice.Info info : MidiSystem.getMidiDeviceInfo()) {
            MidiDevice device = MidiSystem.getMidiDevice(info);
            if (!(device instanceof Sequencer) && !(device instanceof Synthesizer) && device.getMaxTransmitters() != 0) {
                inputs.add(device);
            }
        }
        return inputs;
    };

    private final AudioEngine engine;
    private final DeviceSource source;
    private final Receiver receiver = new LiveReceiver();
    private final List<MidiDevice> opened = new ArrayList<>();
    private String status = "no MIDI input opened";
    /** Why the last listing found nothing because MIDI itself failed, or null. */
    private String unavailable;

    public MidiInput(AudioEngine engine) {
        this(engine, SYSTEM);
    }

    public MidiInput(AudioEngine engine, DeviceSource source) {
        this.engine = engine;
        this.source = source;
    }

    /** Names of the connected input devices; empty when there are none or MIDI is unavailable. */
    public synchronized List<String> deviceNames() {
        List<String> names = new ArrayList<>();
        for (MidiDevice d : devices()) {
            names.add(d.getDeviceInfo().getName());
        }
        return names;
    }

    private List<MidiDevice> devices() {
        try {
            unavailable = null;
            return source.inputDevices();
        } catch (MidiUnavailableException | RuntimeException e) {
            unavailable = "MIDI is unavailable on this system: " + e.getMessage();
            status = unavailable;
            return List.of();
        }
    }

    /**
     * Opens the input device named {@code name}; false, with {@link #status()} saying why, when
     * it is not connected or will not open (another program holds it).
     */
    public synchronized boolean open(String name) {
        for (MidiDevice d : devices()) {
            if (d.getDeviceInfo().getName().equals(name)) {
                boolean ok = connect(d);
                if (ok) {
                    status = describeOpened();
                }
                return ok;
            }
        }
        status = unavailable != null ? unavailable : "no MIDI input named " + name + " is connected";
        return false;
    }

    /** Opens every connected input device; returns how many opened. */
    public synchronized int openAll() {
        List<String> failures = new ArrayList<>();
        List<MidiDevice> found = devices();
        for (MidiDevice d : found) {
            if (!connect(d)) {
                failures.add(status);
            }
        }
        if (found.isEmpty() && opened.isEmpty()) {
            status = unavailable != null ? unavailable : "no MIDI input device connected";
        } else {
            status = describeOpened() + (failures.isEmpty() ? "" : "; " + String.join("; ", failures));
        }
        return opened.size();
    }

    private boolean connect(MidiDevice device) {
        String name = device.getDeviceInfo().getName();
        for (MidiDevice d : opened) {
            if (d.getDeviceInfo().equals(device.getDeviceInfo())) {
                return true;
            }
        }
        try {
            device.open();
            device.getTransmitter().setReceiver(receiver);
        } catch (MidiUnavailableException | RuntimeException e) {
            device.close();
            status = "MIDI input " + name + " did not open: " + e.getMessage();
            return false;
        }
        opened.add(device);
        return true;
    }

    private String describeOpened() {
        if (opened.isEmpty()) {
            return "no MIDI input opened";
        }
        List<String> names = new ArrayList<>();
        opened.forEach(d -> names.add(d.getDeviceInfo().getName()));
        return "MIDI input from " + String.join(", ", names);
    }

    /** Names of the devices opened. */
    public synchronized List<String> openDeviceNames() {
        List<String> names = new ArrayList<>();
        opened.forEach(d -> names.add(d.getDeviceInfo().getName()));
        return names;
    }

    /** One line on the state of MIDI input, for the status bar. */
    public synchronized String status() {
        return status;
    }

    /**
     * The receiver the devices' transmitters deliver to; an on-screen keyboard or a test plays
     * through it the same way. Time stamps are ignored: a message plays, and is recorded, at the
     * start of the block after it arrives.
     */
    public Receiver receiver() {
        return receiver;
    }

    /** Closes the devices; the engine stays open. */
    @Override
    public synchronized void close() {
        for (MidiDevice d : opened) {
            d.close();
        }
        opened.clear();
        status = "no MIDI input opened";
    }

    private final class LiveReceiver implements Receiver {
        @Override
        public void send(MidiMessage message, long timeStamp) {
            if (message instanceof ShortMessage m) {
                int command = m.getCommand();
                if (command == NOTE_ON || command == NOTE_OFF || command == CONTROL_CHANGE || command == PITCH_BEND) {
                    engine.offerLiveMessage(m.getStatus(), m.getData1(), m.getData2());
                }
            }
        }

        @Override
        public void close() {
        }
    }
}

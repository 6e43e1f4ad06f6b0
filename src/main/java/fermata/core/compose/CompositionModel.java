package fermata.core.compose;

/** A trained composition model of either kind, as read from a model file. */
public sealed interface CompositionModel permits TcnModel, GanModel {
    ModelCard card();

    default RollFormat format() {
        return card().roll();
    }

    long parameterCount();
}

package models

import "fmt"

// AccountOp is a message to an [Account].
type AccountOp uint8

// The messages of an [Account].
const (
	AccountBalance  AccountOp = iota // ask for the balance and wait for the reply
	AccountDeposit                   // add Amount, without waiting
	AccountWithdraw                  // take Amount if the balance covers it, without waiting
	AccountInvalid                   // a message the actor fails on, without waiting
)

var accountOps = opCodec[AccountOp]{"balance", "deposit", "withdraw", "invalid"}

func (op AccountOp) String() string               { return accountOps.name(op) }
func (op AccountOp) MarshalText() ([]byte, error) { return []byte(op.String()), nil }
func (op *AccountOp) UnmarshalText(b []byte) error {
	v, err := accountOps.parse(b)
	*op = v
	return err
}

// AccountInput is a message to an [Account].
type AccountInput struct {
	Op     AccountOp `json:"op"`
	Amount int       `json:"amount,omitempty"`
}

// AccountOutput is what a balance request returns: the balance, or
// TimedOut when the reply did not come in time.
type AccountOutput struct {
	Balance  int  `json:"balance,omitempty"`
	TimedOut bool `json:"timedOut,omitempty"`
}

// Account specifies the guide's supervised bank account actor (7.3): a
// deposit adds its amount; a withdrawal takes its amount only if the
// balance covers it, and is otherwise refused ("insufficient funds") and
// changes nothing; a balance request returns the balance, or times out,
// which observes and changes nothing. An invalid message makes the actor
// fail; its supervisor restarts it with its initial state, as Akka's
// SupervisorStrategy.restart does: the balance is 0 again. The mailbox
// survives the restart: every message sent after the invalid one is still
// handled, by the restarted actor.
//
// Deposits, withdrawals and invalid messages are sent without waiting:
// check the actor with [PerSender](Account), as the harness does for
// fire-and-forget operations.
var Account = Model[int, AccountInput, AccountOutput]{
	Name: "bank account actor",
	Init: func() int { return 0 },
	Step: func(balance int, in AccountInput, out AccountOutput) (bool, int) {
		switch in.Op {
		case AccountDeposit:
			return out == AccountOutput{}, balance + in.Amount
		case AccountWithdraw:
			if in.Amount > balance {
				return out == AccountOutput{}, balance // insufficient funds
			}
			return out == AccountOutput{}, balance - in.Amount
		case AccountInvalid:
			return out == AccountOutput{}, 0 // restarted with the initial state
		default:
			return out.TimedOut || out.Balance == balance, balance
		}
	},
	Hash:          func(n int) uint64 { return uint64(n) },
	DescribeInput: func(in AccountInput) string { return describeAccountInput(in) },
	DescribeOperation: func(in AccountInput, out AccountOutput) string {
		switch {
		case in.Op != AccountBalance:
			return describeAccountInput(in)
		case out.TimedOut:
			return "balance() → timed out"
		default:
			return fmt.Sprintf("balance() → %d", out.Balance)
		}
	},
	DescribeState: func(n int) string { return fmt.Sprint(n) },
}

func describeAccountInput(in AccountInput) string {
	switch in.Op {
	case AccountDeposit, AccountWithdraw:
		return fmt.Sprintf("%v(%d)", in.Op, in.Amount)
	default:
		return in.Op.String() + "()"
	}
}
